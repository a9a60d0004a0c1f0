package cn.fupin.report;

import cn.fupin.household.Cause;
import cn.fupin.household.HouseholdStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * People per cause of poverty (致贫原因), as the plan's table counts them: per primary cause (the first a
 * household lists) with its share, and per secondary cause. Every code is listed, zero where none.
 */
@Service
public class CauseReport {

    public record PrimaryCause(Cause cause, String causeName, long people, BigDecimal share) {}

    public record SecondaryCause(Cause cause, String causeName, long people) {}

    public record Report(
            String regionCode,
            HouseholdStatus status,
            long totalPeople,
            List<PrimaryCause> primary,
            List<SecondaryCause> secondary) {}

    private final JdbcTemplate jdbc;

    CauseReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Report of(String regionPrefix, HouseholdStatus status) {
        Map<Cause, Long> primary = new EnumMap<>(Cause.class);
        Map<Cause, Long> secondary = new EnumMap<>(Cause.class);
        long[] total = {0};
        // One row per distinct list of causes: few, whatever the size of the registry.
        jdbc.query(
                """
                SELECT h.causes, COUNT(*) AS people
                  FROM household h JOIN household_member m ON m.household_id = h.household_id
                 WHERE h.region_code LIKE ? AND h.status = ?
                 GROUP BY h.causes
                """,
                rs -> {
                    long people = rs.getLong("people");
                    total[0] += people;
                    String causes = rs.getString("causes");
                    if (!causes.isEmpty()) {
                        String[] codes = causes.split(",");
                        primary.merge(Cause.valueOf(codes[0]), people, Long::sum);
                        for (int i = 1; i < codes.length; i++) {
                            secondary.merge(Cause.valueOf(codes[i]), people, Long::sum);
                        }
                    }
                },
                regionPrefix + "%",
                status.name());
        List<PrimaryCause> primaryRows = new ArrayList<>();
        List<SecondaryCause> secondaryRows = new ArrayList<>();
        for (Cause cause : Cause.values()) {
            long people = primary.getOrDefault(cause, 0L);
            primaryRows.add(new PrimaryCause(cause, cause.getLabel(), people, share(people, total[0])));
            secondaryRows.add(new SecondaryCause(cause, cause.getLabel(), secondary.getOrDefault(cause, 0L)));
        }
        return new Report(regionPrefix, status, total[0], primaryRows, secondaryRows);
    }

    /** A fraction rounded to 4 places, as reports show shares. */
    static BigDecimal share(long part, long whole) {
        return whole == 0
                ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
