package cn.fupin.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The standards file read a second time, apart from the service's StandardsBook: each standard's dated values,
 * the one in force on a date being the latest whose {@code since} is not after it, a regional value (the
 * longest prefix of the region code) winning over the default. What the plain-Java reading of the policy
 * ({@link ReferencePolicy}) decides with, so that it does not share the code it checks.
 */
public final class ReferenceStandards {

    /** The values {@link ReferencePolicy} reads, in force for one region on one date. */
    public record Values(
            BigDecimal dibaoStandard,
            BigDecimal monitoringLine,
            int workingAgeMin,
            int workingAgeMax,
            int publicPostAgeMax,
            int compulsorySchoolAgeMin,
            int compulsorySchoolAgeMax,
            int elderlyAge,
            int familyDoctorAge) {}

    private record Dated(LocalDate since, String region, BigDecimal value) {}

    private final Map<String, List<Dated>> series;

    private ReferenceStandards(Map<String, List<Dated>> series) {
        this.series = series;
    }

    /** The standards of a rules folder, as its {@code standards.yaml} gives them. */
    public static ReferenceStandards of(Path rulesFolder) {
        JsonNode file;
        try {
            file = new YAMLMapper()
                    .readTree(rulesFolder.resolve("standards.yaml").toFile());
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("standards.yaml of " + rulesFolder, e));
        }
        Map<String, List<Dated>> series = new HashMap<>();
        for (String name : file.propertyNames()) {
            List<Dated> values = new ArrayList<>();
            for (JsonNode v : file.get(name).get("values")) {
                values.add(new Dated(
                        LocalDate.parse(v.get("since").asString()),
                        v.has("region") ? v.get("region").asString() : "",
                        v.get("value").decimalValue()));
            }
            series.put(name, values);
        }
        return new ReferenceStandards(series);
    }

    /** The same standards with one more value of a standard's default series (a proposal). */
    public ReferenceStandards with(String standard, LocalDate since, BigDecimal value) {
        Map<String, List<Dated>> copy = new HashMap<>(series);
        List<Dated> values = new ArrayList<>(copy.get(standard));
        values.add(new Dated(since, "", value));
        copy.put(standard, values);
        return new ReferenceStandards(copy);
    }

    public Values on(String regionCode, LocalDate date) {
        return new Values(
                value("dibao_standard", regionCode, date),
                value("monitoring_line", regionCode, date),
                whole("working_age_min", regionCode, date),
                whole("working_age_max", regionCode, date),
                whole("public_post_age_max", regionCode, date),
                whole("compulsory_school_age_min", regionCode, date),
                whole("compulsory_school_age_max", regionCode, date),
                whole("elderly_age", regionCode, date),
                whole("family_doctor_age", regionCode, date));
    }

    private int whole(String standard, String regionCode, LocalDate date) {
        return value(standard, regionCode, date).intValueExact();
    }

    private BigDecimal value(String standard, String regionCode, LocalDate date) {
        Dated best = null;
        for (Dated d : series.get(standard)) {
            if (d.since().isAfter(date) || !regionCode.startsWith(d.region())) {
                continue;
            }
            if (best == null
                    || d.region().length() > best.region().length()
                    || (d.region().length() == best.region().length()
                            && d.since().isAfter(best.since()))) {
                best = d;
            }
        }
        if (best == null) {
            throw new IllegalStateException(standard + " is not in force on " + date);
        }
        return best.value();
    }
}
