package cn.fupin.reevaluation;

import static cn.fupin.reevaluation.ReevaluationFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.system.ApiTestBase;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run's evaluation that repeats the household's latest one (same version, same answer) is one narrow row
 * (sql/V26), and still an evaluation like any other: in the household's history in its place, replayed,
 * counted and checked against the run's audit, and seen by a later run as made when it was. The same chunks
 * of 5 as ReevaluationControlTests (and so the same application context).
 */
@TestPropertySource(properties = "app.reevaluation.chunk-size=5")
class ReevaluationRepeatsTests extends ApiTestBase {

    static final LocalDate AS_OF = ReevaluationControlTests.AS_OF;

    @Autowired
    JdbcTemplate jdbc;

    ReevaluationFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new ReevaluationFixture(api);
    }

    String run() {
        return run(AS_OF.toString());
    }

    String run(String asOf) {
        String run = fixture.start(body("asOf", asOf, "regionCode", fixture.region));
        assertThat(fixture.await(run).get("state").asString()).isEqualTo("COMPLETED");
        return run;
    }

    long rows(String run) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM evaluation WHERE reevaluation_id = ?", Long.class, run);
    }

    long repeats(String run) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM evaluation_repeat p JOIN reevaluation x ON x.seq = p.run_no"
                        + " WHERE x.reevaluation_id = ?",
                Long.class,
                run);
    }

    @Test
    void aRunThatChangesNothingWritesARepeatPerHouseholdThatReadsAsAnEvaluation() {
        fixture.register(7, AS_OF);
        String first = run();
        assertThat(rows(first)).as("every answer new").isEqualTo(7);
        assertThat(repeats(first)).isZero();

        String second = run();
        assertThat(rows(second)).as("no evaluation row where nothing changed").isZero();
        assertThat(repeats(second)).isEqualTo(7);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM run_evaluation WHERE reevaluation_id = ?", Long.class, second))
                .isEqualTo(7);
        JsonNode audit =
                api.get("/api/reevaluations/" + second + "/audit", "policy").json();
        assertThat(audit.get("intact").asBoolean()).as(audit.toString()).isTrue();
        assertThat(audit.get("evaluations").asLong()).isEqualTo(7);

        // A household edited since: its next evaluation is a row again, after the repeat in its history.
        String edited = fixture.households.keySet().iterator().next();
        ObjectNode stored =
                (ObjectNode) api.get("/api/households/" + edited, "caseworker").json();
        ((ObjectNode) stored.get("members").get(0)).put("name", "改过名字");
        assertThat(api.put("/api/households/" + edited, "caseworker", stored, null)
                        .status())
                .isEqualTo(200);
        String third = run();
        assertThat(rows(third)).isEqualTo(1);
        assertThat(repeats(third)).isEqualTo(6);

        List<String> runs = api.get("/api/households/" + edited + "/evaluations", "caseworker")
                .json()
                .valueStream()
                .map(e -> e.get("reevaluationId").asString())
                .toList();
        assertThat(runs).as("newest first").containsExactly(third, second, first);

        String other = fixture.households.keySet().stream()
                .filter(id -> !id.equals(edited))
                .findFirst()
                .orElseThrow();
        JsonNode evaluations = api.get("/api/households/" + other + "/evaluations", "caseworker")
                .json();
        assertThat(evaluations).hasSize(3);
        JsonNode latest = evaluations.get(0);
        assertThat(latest.get("evaluationId").asString()).isEqualTo(third + "." + other);
        assertThat(latest.get("reevaluationId").asString()).isEqualTo(third);
        assertThat(latest.get("asOf").asString()).isEqualTo(AS_OF.toString());
        assertThat(latest.get("rulesetVersion").asString())
                .isEqualTo(api.get("/api/rulesets/active", "caseworker")
                        .json()
                        .get("version")
                        .asString());
        assertThat(latest.get("recommendations")).isEqualTo(evaluations.get(2).get("recommendations"));
        assertThat(evaluations.get(1).get("evaluationId").asString()).isEqualTo(second + "." + other);

        JsonNode replay = api.get("/api/evaluations/" + third + "." + other + "/replay", "caseworker")
                .json();
        assertThat(replay.get("identical").asBoolean()).as(replay.toString()).isTrue();
        assertThat(replay.get("householdId").asString()).isEqualTo(other);
        assertThat(api.get("/api/evaluations/" + third + ".no-such-household/replay", "caseworker")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/evaluations/" + first + "." + other + "/replay", "caseworker")
                        .status())
                .as("the first run recorded a row, named by its own id")
                .isEqualTo(404);
    }

    /**
     * A status moved since the latest evaluation: the rules decide the same, but the answer shows the ledger
     * as it is now, so the household's next evaluation in a run is a row with the new status, not a repeat.
     */
    @Test
    void aHouseholdWhoseStatusMovedGetsAnEvaluationThatShowsIt() {
        fixture.register(7, AS_OF);
        run();
        String id = null;
        JsonNode entry = null;
        for (String candidate : fixture.households.keySet()) {
            JsonNode entries = api.get("/api/households/" + candidate + "/recommendations", "caseworker")
                    .json();
            if (!entries.isEmpty()) {
                id = candidate;
                entry = entries.get(0);
                break;
            }
        }
        assertThat(id).as("a household with a measure").isNotNull();
        fixture.accept(entry.get("recommendationId").asString());

        String second = run();
        assertThat(rows(second)).as("the household whose status moved").isEqualTo(1);
        assertThat(repeats(second)).isEqualTo(6);
        JsonNode latest = api.get("/api/households/" + id + "/evaluations", "caseworker")
                .json()
                .get(0);
        assertThat(latest.get("reevaluationId").asString()).isEqualTo(second);
        String recommendationId = entry.get("recommendationId").asString();
        assertThat(latest.get("recommendations")
                        .valueStream()
                        .filter(r -> r.get("recommendationId").asString().equals(recommendationId))
                        .map(r -> r.get("status").asString()))
                .containsExactly("ACCEPTED");
        String third = run();
        assertThat(repeats(third)).as("then a repeat again").isEqualTo(7);
    }

    /**
     * Evaluated as of the first of January, then repeated as of the run's date: a run as of a date between
     * finds each household's latest evaluation (the repeat) dated after its own and leaves them all as they
     * are, those repeated as much as those that got a row.
     */
    @Test
    void aRunSkipsHouseholdsWhoseLatestRepeatIsAsOfALaterDate() {
        fixture.register(9, AS_OF);
        run("2020-01-01");
        String later = run(AS_OF.toString());
        assertThat(repeats(later))
                .as("most households answer the same in January and June")
                .isPositive();
        assertThat(rows(later) + repeats(later)).isEqualTo(9);

        String between = fixture.start(body("asOf", "2020-03-31", "regionCode", fixture.region));
        JsonNode done = fixture.await(between);
        assertThat(done.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("skipped").asLong()).isEqualTo(9);
        assertThat(rows(between) + repeats(between)).isZero();
        api.get("/api/reevaluations/" + between + "/skipped?size=20", "policy")
                .json()
                .get("content")
                .valueStream()
                .forEach(s -> assertThat(s.get("reason").asString())
                        .contains("evaluated as of " + AS_OF + ", later than this run's date"));
    }
    /** Per household: its latest evaluation row by seq, and the row household_evaluated names (sql/V28). */
    Map<String, List<Long>> latestRows() {
        Map<String, List<Long>> rows = new TreeMap<>();
        for (String id : fixture.households.keySet()) {
            rows.put(
                    id,
                    Arrays.asList(
                            jdbc.queryForObject(
                                    "SELECT MAX(seq) FROM evaluation WHERE household_id = ?", Long.class, id),
                            jdbc.queryForObject(
                                    "SELECT latest_seq FROM household_evaluated WHERE household_id = ?",
                                    Long.class,
                                    id)));
        }
        return rows;
    }

    void assertLatestRowsKept() {
        latestRows()
                .forEach((id, rows) ->
                        assertThat(rows.get(1)).as("latest row of " + id).isEqualTo(rows.get(0)));
    }

    /** What each of the run's repeats refers to, by household. */
    Map<String, Long> repeated(String run) {
        Map<String, Long> repeated = new TreeMap<>();
        jdbc.query(
                "SELECT p.household_id, p.repeats_seq FROM evaluation_repeat p JOIN reevaluation x"
                        + " ON x.seq = p.run_no WHERE x.reevaluation_id = ?",
                rs -> {
                    repeated.put(rs.getString(1), rs.getLong(2));
                },
                run);
        return repeated;
    }

    Map<String, Long> latestBySeq() {
        Map<String, Long> latest = new TreeMap<>();
        latestRows().forEach((id, rows) -> latest.put(id, rows.get(0)));
        return latest;
    }

    /**
     * The household's latest evaluation row, kept beside it, is the one a run's repeat refers to: after a run,
     * after a single evaluation that answers the same as the run did (a row of its own, the latest now), and
     * for households evaluated before that was kept (null), found by seq and kept from then on.
     */
    @Test
    void aRepeatRefersToTheLatestRowAlsoAfterASingleEvaluationAndAnUpgrade() {
        fixture.register(7, AS_OF);
        run();
        assertLatestRowsKept();

        String single = fixture.households.keySet().iterator().next();
        assertThat(api.post("/api/households/" + single + "/evaluations?asOf=" + AS_OF, "caseworker", "")
                        .status())
                .isEqualTo(201);
        assertLatestRowsKept();
        Map<String, Long> before = latestBySeq();
        String second = run();
        assertThat(repeated(second))
                .as("every repeat refers to its household's latest row")
                .isEqualTo(before);
        assertLatestRowsKept();

        // As a registry evaluated before sql/V28 is.
        jdbc.update("UPDATE household_evaluated SET latest_seq = NULL WHERE household_id IN ("
                + String.join(
                        ",",
                        fixture.households.keySet().stream()
                                .map(id -> "'" + id + "'")
                                .toList()) + ")");
        String third = run();
        assertThat(repeated(third)).isEqualTo(before);
        assertLatestRowsKept();
    }
}
