package cn.fupin.scenario;

import cn.fupin.household.ResidentIdNumber;
import cn.fupin.household.Sex;
import cn.fupin.policy.RulesFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the scenario files of a rules folder ({@code scenarios/*.yaml}). Each scenario names only what it
 * changes: the household starts from {@code scenarios/baseline.yaml} (a household no rule matches), each
 * listed member from its baseline member. A member may give {@code age: N} instead of a birth date (born
 * N years before the scenario's date, so N that very day); an ID number agreeing with the birth date and
 * sex is made up when none is given. A member's relation defaults to HEAD for the first and OTHER for the
 * rest; {@code sharedIdNumbers} stands for the registry around the household, for the check across
 * households.
 */
public final class ScenarioFile {

    public static final String FOLDER = RulesFolder.SCENARIOS;
    public static final String BASELINE = "baseline.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private ScenarioFile() {}

    public static List<Scenario> readAll(Path rulesDir) {
        Path dir = rulesDir.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        JsonNode baseline = read(dir.resolve(BASELINE));
        List<Scenario> scenarios = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals(BASELINE))
                    .sorted()
                    .toList()) {
                scenarios.addAll(read(FOLDER + "/" + file.getFileName(), read(file), baseline));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scenarios;
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    static List<Scenario> read(String file, JsonNode document, JsonNode baseline) {
        List<Scenario> scenarios = new ArrayList<>();
        JsonNode list = document.path("scenarios");
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String name = s.path("name").asString("(scenario " + (i + 1) + " has no name)");
            LocalDate asOf = LocalDate.parse(s.path("asOf").asString("2020-06-30"));
            scenarios.add(new Scenario(
                    file,
                    i,
                    name,
                    asOf,
                    household(s, baseline, asOf),
                    strings(s.path("expect")),
                    strings(s.path("absent")),
                    s.path("only").asBoolean(false),
                    reasons(s.path("reasons")),
                    s.path("error").isMissingNode() ? null : s.path("error").asString(),
                    strings(s.path("findings")),
                    strings(s.path("noFindings")),
                    reasons(s.path("findingTexts")),
                    shared(s.path("sharedIdNumbers"))));
        }
        return scenarios;
    }

    private static JsonNode household(JsonNode scenario, JsonNode baseline, LocalDate asOf) {
        ObjectNode household = ((ObjectNode) baseline.path("household")).deepCopy();
        if (scenario.path("household").isObject()) {
            household.setAll((ObjectNode) scenario.path("household"));
        }
        JsonNode given = scenario.path("members");
        int count = given.isArray() && !given.isEmpty() ? given.size() : 1;
        ArrayNode members = household.putArray("members");
        for (int i = 0; i < count; i++) {
            ObjectNode member = ((ObjectNode) baseline.path("member")).deepCopy();
            if (given.isArray() && given.get(i) != null && given.get(i).isObject()) {
                if (given.get(i).has("birthDate")) {
                    member.remove("age"); // an explicit birth date replaces the baseline's age
                }
                member.setAll((ObjectNode) given.get(i));
            }
            complete(member, i, household.path("regionCode").asString("520102"), asOf);
            members.add(member);
        }
        return household;
    }

    private static void complete(ObjectNode member, int i, String region, LocalDate asOf) {
        if (!member.has("memberId")) {
            member.put("memberId", "m" + (i + 1));
        }
        if (!member.has("name")) {
            member.put("name", "成员" + (i + 1));
        }
        if (!member.has("relation")) {
            member.put("relation", i == 0 ? "HEAD" : "OTHER");
        }
        if (member.has("age")) {
            member.put("birthDate", asOf.minusYears(member.get("age").asInt()).toString());
            member.remove("age");
        }
        if (!member.has("idNumber")) {
            LocalDate birth = LocalDate.parse(member.path("birthDate").asString());
            Sex sex = Sex.valueOf(member.path("sex").asString());
            member.put("idNumber", ResidentIdNumber.of(region, birth, sex, i + 1));
        }
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static Map<String, List<String>> shared(JsonNode node) {
        Map<String, List<String>> shared = new LinkedHashMap<>();
        node.properties().forEach(e -> shared.put(e.getKey(), strings(e.getValue())));
        return shared;
    }

    private static Map<String, String> reasons(JsonNode node) {
        Map<String, String> reasons = new LinkedHashMap<>();
        node.properties().forEach(e -> reasons.put(e.getKey(), e.getValue().asString()));
        return reasons;
    }
}
