package cn.fupin.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.household.Household;
import cn.fupin.household.Member;
import cn.fupin.matching.Action;
import cn.fupin.matching.Measure;
import cn.fupin.matching.RandomHouseholds;
import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Coverage and blind spots agree with the recorded recommendations, counted here one person at a time. */
class CoverageReportTests extends ApiTestBase {

    static final LocalDate AS_OF = LocalDate.parse("2020-06-30");

    @Autowired
    JdbcTemplate jdbc;

    final String region =
            "55" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));

    Household register(Household random) {
        JsonNode body = Api.JSON.readTree(RandomHouseholds.jsonIn(random, region));
        String id = body.get("householdId").asString();
        assertThat(api.put("/api/households/" + id, "caseworker", body, null).status())
                .isIn(200, 201);
        return Api.JSON.treeToValue(body, Household.class);
    }

    @Test
    void everyActionsTargetedAndDeliveredPeopleAndTheBlindSpotsAgreeWithTheLedger() {
        RandomHouseholds random = new RandomHouseholds(region.hashCode());
        List<Household> households = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            households.add(register(random.next(n, AS_OF)));
        }
        // All but the last three are evaluated; of each evaluated household, deliver the first two measures.
        for (Household h : households.subList(0, 27)) {
            JsonNode evaluation = api.post(
                            "/api/households/" + h.householdId() + "/evaluations?asOf=" + AS_OF, "caseworker", "")
                    .json();
            int moved = 0;
            for (JsonNode r : evaluation.get("recommendations")) {
                if (moved++ < 2) {
                    String path =
                            "/api/recommendations/" + r.get("recommendationId").asString();
                    assertThat(api.patch(path, "caseworker", Map.of("status", "ACCEPTED"))
                                    .status())
                            .isEqualTo(200);
                    assertThat(api.patch(path, "caseworker", Map.of("status", "DELIVERED"))
                                    .status())
                            .isEqualTo(200);
                }
            }
        }

        // Counted here from the ledger, person by person.
        Map<Action, long[]> expected = new EnumMap<>(Action.class);
        long poorWithout = 0;
        for (Household h : households) {
            JsonNode current = api.get("/api/households/" + h.householdId() + "/recommendations", "caseworker")
                    .json();
            if (current.isEmpty() && h.status().name().equals("POOR")) {
                poorWithout++;
            }
            Map<Action, Map<String, Boolean>> people = new EnumMap<>(Action.class);
            for (JsonNode r : current) {
                Action action = Measure.valueOf(r.get("measure").asString()).action();
                boolean delivered = r.get("status").asString().equals("DELIVERED");
                List<String> targets = r.get("memberId").isNull()
                        ? h.members().stream().map(Member::memberId).toList()
                        : List.of(r.get("memberId").asString());
                for (String member : targets) {
                    people.computeIfAbsent(action, a -> new HashMap<>()).merge(member, delivered, Boolean::logicalAnd);
                }
            }
            people.forEach((action, byMember) -> {
                long[] sums = expected.computeIfAbsent(action, a -> new long[2]);
                sums[0] += byMember.size();
                sums[1] +=
                        byMember.values().stream().filter(Boolean::booleanValue).count();
            });
        }

        JsonNode report = api.get("/api/reports/coverage?regionCode=" + region, "caseworker")
                .json();

        assertThat(report.get("actions")).hasSize(Action.values().length);
        long gaps = 0;
        for (JsonNode a : report.get("actions")) {
            long[] sums = expected.getOrDefault(Action.valueOf(a.get("action").asString()), new long[2]);
            assertThat(a.get("targeted").asLong())
                    .as(a.get("action").asString())
                    .isEqualTo(sums[0]);
            assertThat(a.get("delivered").asLong())
                    .as(a.get("action").asString())
                    .isEqualTo(sums[1]);
            assertThat(a.get("gap").asLong()).isEqualTo(sums[0] - sums[1]);
            gaps += sums[0] - sums[1];
        }
        assertThat(expected.values().stream().mapToLong(s -> s[1]).sum())
                .as("something was delivered")
                .isPositive();
        assertThat(report.get("blindSpots").get("neverEvaluated").asLong()).isEqualTo(3);
        assertThat(report.get("blindSpots").get("poorWithoutRecommendation").asLong())
                .isEqualTo(poorWithout);
        assertThat(report.get("blindSpots").get("staleEvaluation").asLong()).isZero();

        // The lists behind the figures.
        JsonNode health = api.get(
                        "/api/reports/coverage/households?regionCode=" + region
                                + "&action=HEALTH&list=targeted&size=100",
                        "caseworker")
                .json();
        assertThat(health.get("content")
                        .valueStream()
                        .mapToLong(l -> l.get("targeted").asLong())
                        .sum())
                .isEqualTo(expected.getOrDefault(Action.HEALTH, new long[2])[0]);
        JsonNode never = api.get("/api/reports/blind-spots/never-evaluated?regionCode=" + region, "caseworker")
                .json();
        assertThat(never.get("content")
                        .valueStream()
                        .map(l -> l.get("householdId").asString())
                        .toList())
                .containsExactlyElementsOf(households.subList(27, 30).stream()
                        .map(Household::householdId)
                        .sorted()
                        .toList());
        assertThat(never.get("content").get(0).get("statusName").asString())
                .isIn("未脱贫户", "已脱贫户", "监测户", households.get(27).status().getLabel());
        Api.Response csv =
                api.send(api.request("/api/reports/blind-spots/never-evaluated?regionCode=" + region, "caseworker")
                        .header("Accept", "text/csv")
                        .GET()
                        .build());
        assertThat(csv.body().lines().skip(1).toList()).hasSize(3);
        assertThat(api.get("/api/reports/blind-spots/everything?regionCode=" + region, "caseworker")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/reports/coverage/households?action=NOPE&list=all&size=0", "caseworker")
                        .json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString())
                        .toList())
                .containsExactlyInAnyOrder("action", "list", "size");

        // A household moved to another region is counted there at once, by the figures and by the lists alike.
        Household moved = households.get(1);
        String elsewhere =
                "53" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        ObjectNode body = (ObjectNode)
                api.get("/api/households/" + moved.householdId(), "caseworker").json();
        body.put("regionCode", elsewhere);
        body.remove("version");
        assertThat(api.put("/api/households/" + moved.householdId(), "caseworker", body, null)
                        .status())
                .isEqualTo(200);
        JsonNode there = api.get("/api/reports/coverage?regionCode=" + elsewhere, "caseworker")
                .json();
        assertThat(there.get("blindSpots").get("neverEvaluated").asLong()).isZero();
        long movedPeople = there.get("actions")
                .valueStream()
                .mapToLong(a -> a.get("targeted").asLong())
                .sum();
        JsonNode here = api.get("/api/reports/coverage?regionCode=" + region, "caseworker")
                .json();
        assertThat(here.get("actions")
                                .valueStream()
                                .mapToLong(a -> a.get("targeted").asLong())
                                .sum()
                        + movedPeople)
                .isEqualTo(expected.values().stream().mapToLong(s -> s[0]).sum());
        assertThat(here.get("blindSpots").get("neverEvaluated").asLong())
                .isEqualTo(api.get("/api/reports/blind-spots/never-evaluated?regionCode=" + region, "caseworker")
                        .json()
                        .get("totalElements")
                        .asLong());

        // A household last evaluated with another rule set is a stale evaluation.
        jdbc.update(
                "UPDATE household_evaluated SET ruleset_version = 'sha256:older' WHERE household_id = ?",
                households.get(0).householdId());
        assertThat(api.get("/api/reports/coverage?regionCode=" + region, "caseworker")
                        .json()
                        .get("blindSpots")
                        .get("staleEvaluation")
                        .asLong())
                .isEqualTo(1);
    }

    /** The one-off catalogue in the migration that fills coverage from an existing ledger is the enum's. */
    @Test
    void theMigrationsCatalogueOfMeasuresIsTheCatalogueOfTheCode() throws Exception {
        String sql = Files.readString(Path.of("sql/V8__coverage.sql"));
        Set<String> inMigration = new TreeSet<>();
        Matcher rows =
                Pattern.compile("\\('([A-Z_]+)', '([A-Z_]+)', '([A-Z]+)'\\)").matcher(sql);
        while (rows.find()) {
            inMigration.add(rows.group(1) + "/" + rows.group(2) + "/" + rows.group(3));
        }
        Set<String> inCode = new TreeSet<>();
        for (Measure m : Measure.values()) {
            inCode.add(m.name() + "/" + m.action().name() + "/" + m.target().name());
        }
        assertThat(inMigration).isEqualTo(inCode);
    }
}
