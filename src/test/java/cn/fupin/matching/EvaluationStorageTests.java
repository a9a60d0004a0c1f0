package cn.fupin.matching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.system.Api;
import cn.fupin.system.Ids;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an evaluation stores (sql/V24): the household's snapshot once per version of it, its answer once
 * until the answer changes, and a small row that refers to both; and that every evaluation still replays
 * and lists with what it answered, those recorded before the change included.
 */
class EvaluationStorageTests extends LedgerTestBase {

    @Autowired
    JdbcTemplate jdbc;

    private int count(String table, String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE household_id = ?", Integer.class, id);
    }

    private boolean replaysIdentical(String evaluationId) {
        Api.Response replay = api.get("/api/evaluations/" + evaluationId + "/replay", "caseworker");
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        return replay.json().get("identical").asBoolean();
    }

    @Test
    void aSnapshotPerVersionAndAnAnswerPerChangeAreWrittenOnce() {
        ObjectNode household = exampleOne(newHouseholdId());
        String id = register(household);
        JsonNode first = evaluate(id);
        JsonNode second = evaluate(id);
        assertThat(count("household_snapshot", id)).as("one version").isEqualTo(1);
        assertThat(count("evaluation_result", id)).as("one answer").isEqualTo(1);
        assertThat(count("evaluation", id)).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM evaluation WHERE household_id = ? AND (input IS NOT NULL OR result IS NOT NULL)",
                        Integer.class,
                        id))
                .as("no copies in the evaluation rows")
                .isZero();

        // The repeat still moves the household's latest evaluation to itself (blind spots count from it).
        jdbc.update(
                "UPDATE household_evaluated SET evaluated_at = TIMESTAMP '2001-01-01 00:00:00',"
                        + " evaluated_on = DATE '2001-01-01', ruleset_version = 'sha256:old' WHERE household_id = ?",
                id);
        JsonNode repeat = evaluate(id);
        assertThat(jdbc.queryForMap(
                        "SELECT e.evaluated_at, e.as_of, e.ruleset_version FROM evaluation e WHERE e.evaluation_id = ?",
                        repeat.get("evaluationId").asString()))
                .isEqualTo(jdbc.queryForMap(
                        "SELECT evaluated_at, evaluated_on AS as_of, ruleset_version FROM household_evaluated"
                                + " WHERE household_id = ?",
                        id));
        assertThat(count("evaluation_result", id)).isEqualTo(1);

        // A status moved: the same version, another answer (its statuses are part of it).
        String dibao = find(first.get("recommendations"), "SAFETY_NET_DIBAO")
                .get("recommendationId")
                .asString();
        assertThat(move(dibao, "ACCEPTED", null).status()).isEqualTo(200);
        JsonNode third = evaluate(id);
        assertThat(count("household_snapshot", id)).isEqualTo(1);
        assertThat(count("evaluation_result", id)).isEqualTo(2);

        // A new version: its snapshot, and the answer it gives.
        ((ObjectNode) household.get("members").get(0)).put("health", "HEALTHY");
        register(household);
        JsonNode fourth = evaluate(id);
        assertThat(count("household_snapshot", id)).isEqualTo(2);
        assertThat(count("evaluation_result", id)).isEqualTo(3);

        JsonNode history =
                api.get("/api/households/" + id + "/evaluations", "caseworker").json();
        assertThat(history).hasSize(5);
        for (JsonNode[] pair : new JsonNode[][] {
            {fourth, history.get(0)},
            {third, history.get(1)},
            {repeat, history.get(2)},
            {second, history.get(3)},
            {first, history.get(4)}
        }) {
            assertThat(pair[1].get("evaluationId")).isEqualTo(pair[0].get("evaluationId"));
            assertThat(pair[1].get("recommendations")).isEqualTo(pair[0].get("recommendations"));
            assertThat(replaysIdentical(pair[0].get("evaluationId").asString())).isTrue();
        }
        assertThat(find(history.get(1).get("recommendations"), "SAFETY_NET_DIBAO")
                        .get("status")
                        .asString())
                .isEqualTo("ACCEPTED");
        assertThat(find(history.get(3).get("recommendations"), "SAFETY_NET_DIBAO")
                        .get("status")
                        .asString())
                .isEqualTo("RECOMMENDED");
    }

    @Test
    void anEvaluationRecordedBeforeKeepsItsOwnInputAndAnswerAndReplaysFromThem() {
        ObjectNode household = exampleOne(newHouseholdId());
        String id = register(household);
        String recorded = evaluate(id).get("evaluationId").asString();
        // As V23 left it: input and result in the row itself, nothing to refer to.
        String input =
                jdbc.queryForObject("SELECT snapshot FROM household_snapshot WHERE household_id = ?", String.class, id);
        String result =
                jdbc.queryForObject("SELECT result FROM evaluation_result WHERE household_id = ?", String.class, id);
        String legacy = Ids.next();
        jdbc.update("""
                INSERT INTO evaluation (evaluation_id, household_id, as_of, ruleset_version, evaluated_at, evaluated_by,
                       household_version, input, result)
                SELECT ?, household_id, as_of, ruleset_version, evaluated_at, evaluated_by, household_version + 7, ?, ?
                  FROM evaluation WHERE evaluation_id = ?""", legacy, input, result, recorded);
        assertThat(replaysIdentical(legacy)).isTrue();
        JsonNode history =
                api.get("/api/households/" + id + "/evaluations", "caseworker").json();
        assertThat(history.get(0).get("evaluationId").asString()).isEqualTo(legacy);
        assertThat(history.get(0).get("recommendations"))
                .isEqualTo(history.get(1).get("recommendations"));
    }

    @Test
    void idsAreTimeOrderedUuids() {
        String id = register(exampleOne(newHouseholdId()));
        JsonNode evaluation = evaluate(id);
        assertThat(evaluation.get("evaluationId").asString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-.*");
        assertThat(evaluation
                        .get("recommendations")
                        .get(0)
                        .get("recommendationId")
                        .asString())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-.*");
    }
}
