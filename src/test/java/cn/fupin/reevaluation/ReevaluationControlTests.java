package cn.fupin.reevaluation;

import static cn.fupin.reevaluation.ReevaluationFixture.body;
import static cn.fupin.reevaluation.ReevaluationFixture.fields;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Stopping, resuming, one run at a time over any household, and every error of the endpoints. */
@TestPropertySource(properties = "app.reevaluation.chunk-size=5")
class ReevaluationControlTests extends ApiTestBase {

    static final LocalDate AS_OF = LocalDate.parse("2020-06-30");

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    ReevaluationFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new ReevaluationFixture(api);
    }

    @Test
    void aStoppedRunEndsAfterItsChunkAndResumesWhereItLeftOffWhileOverlappingRunsAreRefused() throws Exception {
        fixture.register(25, AS_OF);
        String held = fixture.households.keySet().stream().toList().get(12);
        String run;
        try (Connection connection = HeldHouseholds.lock(dataSource, List.of(held))) {
            run = fixture.start(body("asOf", AS_OF.toString(), "regionCode", fixture.region));
            Thread.sleep(300);
            assertThat(fixture.progress(run).get("state").asString()).isEqualTo("RUNNING");

            Api.Response overlapping = api.post(
                    "/api/reevaluations", "policy", body("regionCode", fixture.region.substring(0, 4), "dryRun", true));
            assertThat(overlapping.status()).as(overlapping.body()).isEqualTo(409);
            assertThat(overlapping.json().get("runningReevaluationId").asString())
                    .isEqualTo(run);
            assertThat(overlapping.json().get("detail").asString()).contains(run);
            Api.Response same = api.post("/api/reevaluations", "policy", body("regionCode", fixture.region));
            assertThat(same.status()).isEqualTo(409);

            String elsewhere = fixture.start(body("asOf", AS_OF.toString(), "regionCode", "580000", "dryRun", true));
            assertThat(fixture.await(elsewhere).get("state").asString()).isEqualTo("COMPLETED");

            Api.Response stop = api.post("/api/reevaluations/" + run + "/stop", "policy", "");
            assertThat(stop.status()).as(stop.body()).isEqualTo(200);
            connection.rollback();
        }
        JsonNode stopped = fixture.await(run);
        assertThat(stopped.get("state").asString()).isEqualTo("STOPPED");
        long processed = stopped.get("processed").asLong();
        assertThat(processed)
                .isLessThan(25)
                .isEqualTo(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM run_evaluation WHERE reevaluation_id = ?", Long.class, run));
        assertThat(api.post("/api/reevaluations/" + run + "/stop", "policy", "").status())
                .as("a stopped run is not running")
                .isEqualTo(409);

        Api.Response resumed = api.post("/api/reevaluations/" + run + "/resume", "policy", "");
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        JsonNode done = fixture.await(run);
        assertThat(done.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("processed").asLong()).isEqualTo(25);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(DISTINCT household_id) FROM run_evaluation WHERE reevaluation_id = ?",
                        Long.class,
                        run))
                .isEqualTo(25);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM run_evaluation WHERE reevaluation_id = ?", Long.class, run))
                .isEqualTo(25);
    }

    @Test
    void aRunThatALaterRunSupersededCannotBeResumed() throws Exception {
        fixture.register(12, AS_OF);
        String run;
        try (Connection connection = HeldHouseholds.lock(
                dataSource,
                List.of(fixture.households.keySet().stream().toList().get(6)))) {
            run = fixture.start(body("asOf", AS_OF.toString(), "regionCode", fixture.region));
            Thread.sleep(200);
            assertThat(api.post("/api/reevaluations/" + run + "/stop", "policy", "")
                            .status())
                    .isEqualTo(200);
            connection.rollback();
        }
        assertThat(fixture.await(run).get("state").asString()).isEqualTo("STOPPED");
        String later = fixture.start(body("asOf", AS_OF.toString(), "regionCode", fixture.region));
        fixture.await(later);

        Api.Response resume = api.post("/api/reevaluations/" + run + "/resume", "policy", "");
        assertThat(resume.status()).isEqualTo(409);
        assertThat(resume.json().get("supersededBy").asString()).isEqualTo(later);
    }

    @Test
    void aBadRequestNamesEveryBadField() {
        Api.Response response = api.post(
                "/api/reevaluations",
                "policy",
                body(
                        "asOf",
                        "2020-13-01",
                        "regionCode",
                        "52A",
                        "dryRun",
                        "yes",
                        "standards",
                        Map.of("dibao", Map.of("2020-01-01", 1), "poverty_line", Map.of("someday", -1)),
                        "colour",
                        "red"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response))
                .containsExactlyInAnyOrder(
                        "asOf", "regionCode", "dryRun", "standards.dibao", "standards.poverty_line.someday", "colour");

        Api.Response candidateForReal = api.post(
                "/api/reevaluations",
                "policy",
                body("standards", Map.of("dibao_standard", Map.of("2020-01-01", 5000)), "rulesDir", "/no/such/folder"));
        assertThat(candidateForReal.status()).isEqualTo(400);
        assertThat(fields(candidateForReal)).containsExactlyInAnyOrder("rulesDir", "standards");

        Api.Response ageNotWhole = api.post(
                "/api/reevaluations",
                "policy",
                body("dryRun", true, "standards", Map.of("elderly_age", Map.of("2020-01-01", 59.5))));
        assertThat(fields(ageNotWhole)).containsExactly("standards.elderly_age.2020-01-01");

        Api.Response beforeTheStandards = api.post("/api/reevaluations", "policy", body("asOf", "2010-01-01"));
        assertThat(beforeTheStandards.status()).as("as for a single evaluation").isEqualTo(422);

        Api.Response outOfRange = api.post(
                "/api/reevaluations",
                "policy",
                body(
                        "asOf",
                        "+12020-06-30",
                        "dryRun",
                        true,
                        "standards",
                        Map.of(
                                "elderly_age",
                                Map.of("2020-01-01", 99999999999L),
                                "dibao_standard",
                                Map.of("2020-01-01", new BigDecimal("1e400")))));
        assertThat(fields(outOfRange))
                .containsExactlyInAnyOrder(
                        "asOf", "standards.elderly_age.2020-01-01", "standards.dibao_standard.2020-01-01");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reevaluation WHERE as_of = '2010-01-01'", Long.class))
                .as("nothing is stored for a refused request")
                .isZero();
    }

    @Test
    void anUnknownRunIs404AndOnlyPolicyStaffMayRunThem() {
        String unknown = "/api/reevaluations/00000000-0000-0000-0000-000000000000";
        for (Api.Response response : List.of(
                api.get(unknown, "policy"),
                api.post(unknown + "/stop", "policy", ""),
                api.post(unknown + "/resume", "policy", ""),
                api.get(unknown + "/changes", "policy"),
                api.get(unknown + "/summary", "policy"))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString())
                    .as("the id is not repeated")
                    .doesNotContain("00000000");
        }
        assertThat(api.post("/api/reevaluations", "caseworker", body("dryRun", true))
                        .status())
                .isEqualTo(403);
        assertThat(api.get(unknown, "caseworker").status()).isEqualTo(403);
    }

    @Test
    void aRunListsTheHouseholdsItCouldNotEvaluateAndEveryRunIsListedNewestFirst() {
        String id = fixture.region + "-born-later";
        ObjectNode household = cn.fupin.household.HouseholdJson.household(id).put("regionCode", fixture.region);
        ((ArrayNode) household.get("members"))
                .set(1, cn.fupin.household.HouseholdJson.member(id + "-02", "2020-03-01", "FEMALE", 2));
        assertThat(api.put("/api/households/" + id, "caseworker", household, null)
                        .status())
                .isEqualTo(201);

        String run = fixture.start(body("asOf", "2020-01-01", "regionCode", fixture.region, "dryRun", true));
        JsonNode done = fixture.await(run);

        assertThat(done.get("skipped").asLong()).isEqualTo(1);
        JsonNode skipped =
                api.get("/api/reevaluations/" + run + "/skipped", "policy").json();
        assertThat(skipped.get("totalElements").asLong()).isEqualTo(1);
        assertThat(skipped.get("content").get(0).get("householdId").asString()).isEqualTo(id);
        assertThat(skipped.get("content").get(0).get("reason").asString()).contains("members[1].birthDate");
        JsonNode runs = api.get("/api/reevaluations?size=100", "policy").json();
        assertThat(runs.get("content").get(0).get("reevaluationId").asString()).isEqualTo(run);
        assertThat(api.get("/api/reevaluations?size=0", "policy").status()).isEqualTo(400);
    }

    @Test
    void theSummaryAndTheCsvAddUpToTheChanges() {
        // Two counties of one city that no other test uses (city codes 56xx are this test's): the summary counts
        // each county, and the city once.
        String city = "56" + String.format("%02d", ThreadLocalRandom.current().nextInt(100));
        fixture = new ReevaluationFixture(api, city + "01");
        fixture.register(20, AS_OF);
        ReevaluationFixture neighbour = new ReevaluationFixture(api, city + "02");
        neighbour.register(10, AS_OF);
        fixture.households.putAll(neighbour.households);
        String run = fixture.start(body("asOf", AS_OF.toString(), "regionCode", fixture.region.substring(0, 4)));
        fixture.await(run);
        Map<String, ReevaluationFixture.Diff> changes = fixture.changes(run);
        long gainedMeasures =
                changes.values().stream().mapToLong(d -> d.gained().size()).sum();

        JsonNode summary = api.get("/api/reevaluations/" + run + "/summary?regionDigits=4", "policy")
                .json();
        assertThat(summary.get("changedHouseholds").asLong()).isEqualTo(changes.size());
        assertThat(summary.get("gainedHouseholds").asLong()).isEqualTo(changes.size());
        assertThat(summary.get("lostHouseholds").asLong()).isZero();
        assertThat(summary.get("measures")).hasSize(cn.fupin.matching.Measure.values().length);
        assertThat(summary.get("regions")).hasSize(1);
        assertThat(summary.get("regions").get(0).get("regionCode").asString())
                .isEqualTo(fixture.region.substring(0, 4));
        assertThat(summary.get("regions").get(0).get("changedHouseholds").asLong())
                .isEqualTo(changes.size());
        JsonNode byCounty = api.get("/api/reevaluations/" + run + "/summary?regionDigits=6", "policy")
                .json();
        assertThat(byCounty.get("regions")).hasSize(2);
        long dibao = changes.values().stream()
                .filter(d -> d.gained().contains("SAFETY_NET_DIBAO"))
                .count();
        JsonNode dibaoCount = summary.get("measures")
                .valueStream()
                .filter(m -> m.get("measure").asString().equals("SAFETY_NET_DIBAO"))
                .findFirst()
                .orElseThrow();
        assertThat(dibaoCount.get("gainedHouseholds").asLong()).isEqualTo(dibao);
        assertThat(api.get("/api/reevaluations/" + run + "/summary?regionDigits=3", "policy")
                        .status())
                .isEqualTo(400);

        Api.Response csv = api.send(api.request("/api/reevaluations/" + run + "/changes", "policy")
                .header("Accept", "text/csv")
                .GET()
                .build());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFhouseholdId,regionCode,change,measure");
        List<String> lines = csv.body().lines().skip(1).toList();
        assertThat(lines).hasSize((int) gainedMeasures);
        assertThat(lines).allMatch(line -> line.contains(",GAINED,"));
        assertThat(api.get("/api/reevaluations/" + run + "/changes?page=-1&size=5000", "policy")
                        .status())
                .isEqualTo(400);
    }
}
