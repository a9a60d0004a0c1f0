package cn.fupin.reevaluation;

import static cn.fupin.reevaluation.ReevaluationFixture.body;
import static cn.fupin.reevaluation.ReevaluationFixture.fields;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.household.HouseholdJson;
import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real run leaves alone a household whose latest evaluation is newer than what it would record (made after
 * the run started, or on a later date), and lists it as skipped; a run that records is not dated after today.
 * The same chunks of 5 as ReevaluationControlTests (and so the same application context).
 */
@TestPropertySource(properties = "app.reevaluation.chunk-size=5")
class ReevaluationLaterEvaluationsTests extends ApiTestBase {

    static final LocalDate AS_OF = ReevaluationControlTests.AS_OF;
    /** Before the run's date: the newer evaluation is told apart by when it was made, not by its date. */
    static final String EARLIER = "2020-01-01";

    static final String DROPOUT_RETURN = "EDUCATION_DROPOUT_RETURN";

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    ReevaluationFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new ReevaluationFixture(api);
    }

    /**
     * A household whose child, born 2004-03-01 and out of school, is 15 on 2020-01-01 and 16 on the run's date:
     * the return to school is due on the first and not on the second, so a run recording over an evaluation of
     * 2020-01-01 withdraws it. Its id sorts after the fixture's: it is in the last chunk of the last range.
     */
    String dropout() {
        String id = fixture.region + "-x-dropout";
        ObjectNode household = HouseholdJson.household(id).put("regionCode", fixture.region);
        ObjectNode child = HouseholdJson.member(id + "-02", "2004-03-01", "MALE", 3)
                .put("relation", "CHILD")
                .put("labourAbility", "NONE")
                .put("seekingWork", false)
                .put("schooling", "DROPPED_OUT");
        ((ArrayNode) household.get("members")).set(1, child);
        assertThat(api.put("/api/households/" + id, "caseworker", household, null)
                        .status())
                .isEqualTo(201);
        assertThat(due(household, EARLIER)).as("due on the earlier date").contains(DROPOUT_RETURN);
        assertThat(due(household, AS_OF.toString()))
                .as("not due on the run's date")
                .doesNotContain(DROPOUT_RETURN);
        return id;
    }

    List<String> due(ObjectNode household, String asOf) {
        List<String> measures = new ArrayList<>();
        api.post("/api/recommendations?asOf=" + asOf, "caseworker", household)
                .json()
                .get("recommendations")
                .valueStream()
                .forEach(r -> measures.add(r.get("measure").asString()));
        return measures;
    }

    /** A case worker evaluates the household on the earlier date and delivers the return to school. */
    String evaluateAndDeliver(String id) {
        Api.Response evaluated = api.post("/api/households/" + id + "/evaluations?asOf=" + EARLIER, "caseworker", "");
        assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(201);
        String recommendation = dropoutReturn(id).get("recommendationId").asString();
        assertThat(api.patch("/api/recommendations/" + recommendation, "caseworker", Map.of("status", "ACCEPTED"))
                        .status())
                .isEqualTo(200);
        assertThat(api.patch(
                                "/api/recommendations/" + recommendation,
                                "caseworker",
                                Map.of("status", "DELIVERED", "note", "已复学"))
                        .status())
                .isEqualTo(200);
        return evaluated.json().get("evaluationId").asString();
    }

    JsonNode dropoutReturn(String id) {
        return api.get("/api/households/" + id + "/recommendations", "caseworker")
                .json()
                .valueStream()
                .filter(r -> r.get("measure").asString().equals(DROPOUT_RETURN))
                .findFirst()
                .orElseThrow();
    }

    /** The household kept the case worker's evaluation and its delivered measure; the run listed it as skipped. */
    void keptAndListed(String run, String id, String evaluationId, String reason) {
        JsonNode entry = api.get("/api/households/" + id + "/recommendations?status=DELIVERED", "caseworker")
                .json();
        assertThat(entry).as("the delivered return to school").hasSize(1);
        assertThat(entry.get(0).get("measure").asString()).isEqualTo(DROPOUT_RETURN);
        JsonNode latest = api.get("/api/households/" + id + "/evaluations", "caseworker")
                .json()
                .get(0);
        assertThat(latest.get("evaluationId").asString()).isEqualTo(evaluationId);
        assertThat(latest.get("asOf").asString()).isEqualTo(EARLIER);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM run_evaluation WHERE reevaluation_id = ? AND household_id = ?",
                        Long.class,
                        run,
                        id))
                .isZero();
        JsonNode skipped =
                api.get("/api/reevaluations/" + run + "/skipped", "policy").json();
        assertThat(skipped.get("totalElements").asLong()).isEqualTo(1);
        assertThat(skipped.get("content").get(0).get("householdId").asString()).isEqualTo(id);
        assertThat(skipped.get("content").get(0).get("reason").asString()).contains(reason);
    }

    /** The first household of each range (the run's ranges split the ids in two), so that both ranges wait. */
    List<String> firstOfEachRange() {
        List<String> ids = jdbc.queryForList(
                "SELECT household_id FROM household WHERE region_code = ? ORDER BY household_id",
                String.class,
                fixture.region);
        return List.of(ids.get(0), ids.get(ids.size() / 2));
    }

    /** Waits until the run's ranges have started (before that, a stop could race the job's own start). */
    void awaitRanges(String run) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            Long ranges = jdbc.queryForObject("""
                    SELECT COUNT(*) FROM BATCH_STEP_EXECUTION s
                      JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID
                     WHERE p.PARAMETER_NAME = 'reevaluationId' AND p.PARAMETER_VALUE = ?
                       AND s.STEP_NAME LIKE 'reevaluate-households:%'""", Long.class, run);
            if (ranges > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the ranges of " + run + " did not start");
    }

    @Test
    void aHouseholdEvaluatedAndDeliveredWhileTheRunGoesIsSkippedAndKeepsItsEvaluation() throws Exception {
        fixture.register(14, AS_OF);
        String id = dropout();
        String run;
        String evaluation;
        try (Connection held = HeldHouseholds.lock(dataSource, firstOfEachRange())) {
            run = fixture.start(body("asOf", AS_OF.toString(), "regionCode", fixture.region));
            awaitRanges(run);
            evaluation = evaluateAndDeliver(id);
            held.rollback();
        }
        JsonNode done = fixture.await(run);

        assertThat(done.get("state").asString()).isEqualTo("COMPLETED");
        keptAndListed(run, id, evaluation, "evaluated after this run started");
        assertThat(done.get("processed").asLong()).isEqualTo(15);
        assertThat(done.get("skipped").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM run_evaluation WHERE reevaluation_id = ?", Long.class, run))
                .as("every other household recorded")
                .isEqualTo(14);
    }

    @Test
    void aResumedRunSkipsAHouseholdEvaluatedAfterTheRunFirstStarted() throws Exception {
        fixture.register(14, AS_OF);
        String id = dropout();
        String run;
        try (Connection held = HeldHouseholds.lock(dataSource, firstOfEachRange())) {
            run = fixture.start(body("asOf", AS_OF.toString(), "regionCode", fixture.region));
            awaitRanges(run);
            assertThat(api.post("/api/reevaluations/" + run + "/stop", "policy", "")
                            .status())
                    .isEqualTo(200);
            held.rollback();
        }
        assertThat(fixture.await(run).get("state").asString()).isEqualTo("STOPPED");
        // Stopped before it came to the household, which a case worker evaluates before the run is resumed.
        String evaluation = evaluateAndDeliver(id);

        assertThat(api.post("/api/reevaluations/" + run + "/resume", "policy", "")
                        .status())
                .isEqualTo(200);
        JsonNode done = fixture.await(run);

        assertThat(done.get("state").asString()).isEqualTo("COMPLETED");
        keptAndListed(run, id, evaluation, "evaluated after this run started");
        assertThat(done.get("skipped").asLong()).isEqualTo(1);
    }

    @Test
    void aHouseholdEvaluatedOnALaterDateThanTheRunsIsSkipped() {
        String id = dropout();
        Api.Response evaluated = api.post("/api/households/" + id + "/evaluations?asOf=" + AS_OF, "caseworker", "");
        assertThat(evaluated.status()).isEqualTo(201);

        String run = fixture.start(body("asOf", EARLIER, "regionCode", fixture.region));
        JsonNode done = fixture.await(run);

        assertThat(done.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("skipped").asLong()).isEqualTo(1);
        JsonNode skipped = api.get("/api/reevaluations/" + run + "/skipped", "policy")
                .json()
                .get("content")
                .get(0);
        assertThat(skipped.get("householdId").asString()).isEqualTo(id);
        assertThat(skipped.get("reason").asString())
                .contains("evaluated as of " + AS_OF + ", later than this run's date");
        JsonNode latest = api.get("/api/households/" + id + "/evaluations", "caseworker")
                .json()
                .get(0);
        assertThat(latest.get("evaluationId").asString())
                .isEqualTo(evaluated.json().get("evaluationId").asString());
        assertThat(api.get("/api/households/" + id + "/recommendations", "caseworker")
                        .body())
                .as("due on 2020-01-01, recorded over by nothing")
                .doesNotContain(DROPOUT_RETURN);
    }

    /**
     * An evaluation that commits while the run's chunk waits for the household's lock: the chunk read its page
     * of ids before it waited, and on MySQL's repeatable read it would not see that evaluation afterwards. The
     * case worker's evaluation is written here by hand, on the connection holding the lock.
     */
    @Test
    void aHouseholdEvaluatedWhileTheRunWaitsForItsLockIsSkipped() throws Exception {
        fixture.register(9, AS_OF);
        String first = firstOfEachRange().get(0);
        String run;
        String evaluation = UUID.randomUUID().toString();
        try (Connection held = HeldHouseholds.lock(dataSource, List.of(first))) {
            run = fixture.start(body("asOf", AS_OF.toString(), "regionCode", fixture.region));
            awaitRanges(run);
            awaitALockWait();
            try (PreparedStatement insert = held.prepareStatement("""
                    INSERT INTO evaluation (evaluation_id, household_id, as_of, ruleset_version, evaluated_at,
                           evaluated_by, household_version, input, result)
                    VALUES (?, ?, ?, 'sha256:by-hand', CURRENT_TIMESTAMP, 'caseworker', 0, '{}', '[]')""")) {
                insert.setString(1, evaluation);
                insert.setString(2, first);
                insert.setDate(3, Date.valueOf(EARLIER));
                insert.executeUpdate();
            }
            held.commit();
        }
        JsonNode done = fixture.await(run);

        assertThat(done.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("skipped").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM run_evaluation WHERE reevaluation_id = ? AND household_id = ?",
                        Long.class,
                        run,
                        first))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT evaluation_id FROM evaluation WHERE household_id = ? ORDER BY seq DESC LIMIT 1",
                        String.class,
                        first))
                .isEqualTo(evaluation);
        assertThat(api.get("/api/reevaluations/" + run + "/skipped", "policy")
                        .json()
                        .get("content")
                        .get(0)
                        .get("reason")
                        .asString())
                .contains("evaluated after this run started");
    }

    /**
     * Until some session of this database waits for a row lock (H2, or MySQL/MariaDB). A minute: a run's first
     * chunk may compile its rule set first, which took over 10 s on a loaded machine.
     */
    void awaitALockWait() throws InterruptedException {
        boolean h2 = environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
        String waiting = h2 ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL" : """
                SELECT COUNT(*) FROM information_schema.INNODB_TRX t
                  JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
                 WHERE t.trx_state = 'LOCK WAIT' AND p.DB = DATABASE()""";
        for (int i = 0; i < 1200; i++) {
            if (jdbc.queryForObject(waiting, Long.class) > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no chunk came to wait for the held household");
    }

    @Test
    void aRunThatRecordsIsNotDatedAfterTodayWhileADryRunMayBe() {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        for (Api.Response refused : List.of(
                api.post("/api/reevaluations", "policy", body("asOf", tomorrow, "regionCode", fixture.region)),
                api.post(
                        "/api/reevaluations",
                        "policy",
                        body("asOf", tomorrow, "regionCode", fixture.region, "qualityOnly", true)))) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(fields(refused)).containsExactly("asOf");
        }
        Api.Response both = api.post("/api/reevaluations", "policy", body("asOf", tomorrow, "regionCode", "52A"));
        assertThat(fields(both)).as("every bad field").containsExactlyInAnyOrder("asOf", "regionCode");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM reevaluation WHERE as_of = ?", Long.class, Date.valueOf(tomorrow)))
                .as("nothing is stored for a refused request")
                .isZero();

        String simulated = fixture.start(body("asOf", tomorrow, "regionCode", fixture.region, "dryRun", true));
        assertThat(fixture.await(simulated).get("state").asString()).isEqualTo("COMPLETED");
        String today = fixture.start(body("regionCode", fixture.region));
        assertThat(fixture.await(today).get("state").asString())
                .as("today, the default, is allowed")
                .isEqualTo("COMPLETED");
    }
}
