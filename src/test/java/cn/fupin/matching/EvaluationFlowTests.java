package cn.fupin.matching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.system.Api;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Register → evaluate → accept → deliver → change → evaluate again, and the ledger through it all. */
class EvaluationFlowTests extends LedgerTestBase {

    @Test
    void aDeliveredMeasureKeepsItsIdAndStatusAndAMeasureNoLongerDueIsWithdrawn() {
        String id = register(exampleOne(newHouseholdId()));
        JsonNode first = evaluate(id);
        assertThat(first.get("evaluationId").asString()).isNotBlank();
        assertThat(first.get("evaluatedBy").asString()).isEqualTo("caseworker");
        JsonNode dibao = find(first.get("recommendations"), "SAFETY_NET_DIBAO");
        assertThat(dibao.get("status").asString()).isEqualTo("RECOMMENDED");
        String dibaoId = dibao.get("recommendationId").asString();
        String projectId = find(first.get("recommendations"), "INDUSTRY_PROJECT")
                .get("recommendationId")
                .asString();

        assertThat(move(dibaoId, "ACCEPTED", null).status()).isEqualTo(200);
        Api.Response delivered = move(dibaoId, "DELIVERED", "已按月发放");
        assertThat(delivered.status()).isEqualTo(200);
        assertThat(delivered
                        .json()
                        .get("history")
                        .valueStream()
                        .map(h -> h.get("status").asString()))
                .containsExactly("RECOMMENDED", "ACCEPTED", "DELIVERED");

        // The household gets an industry project and a little more income (still under the 低保 standard).
        register(exampleOne(id).put("industryProjects", 1).put("incomePerCapita", 4100));
        JsonNode second = evaluate(id);
        JsonNode dibaoAgain = find(second.get("recommendations"), "SAFETY_NET_DIBAO");
        assertThat(dibaoAgain.get("recommendationId").asString()).isEqualTo(dibaoId);
        assertThat(dibaoAgain.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(dibaoAgain.get("reason").asString()).contains("4,100");
        assertThat(second.get("recommendations")
                        .valueStream()
                        .map(r -> r.get("measure").asString()))
                .doesNotContain("INDUSTRY_PROJECT");

        JsonNode current = api.get("/api/households/" + id + "/recommendations", "caseworker")
                .json();
        assertThat(current.valueStream().map(r -> r.get("recommendationId").asString()))
                .contains(dibaoId)
                .doesNotContain(projectId);
        JsonNode currentDibao = find(current, "SAFETY_NET_DIBAO");
        assertThat(currentDibao.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(currentDibao.get("history").get(2).get("note").asString()).isEqualTo("已按月发放");
        assertThat(currentDibao.get("history").get(2).get("changedBy").asString())
                .isEqualTo("caseworker");
        // The delivered entry's grounds were replaced: its history keeps the reason the household was given.
        JsonNode regrounded = currentDibao.get("history").get(3);
        assertThat(currentDibao.get("history")).hasSize(4);
        assertThat(regrounded.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(regrounded.get("note").asString())
                .contains(second.get("evaluationId").asString())
                .contains(dibao.get("reason").asString());

        JsonNode withdrawn = api.get("/api/households/" + id + "/recommendations?status=WITHDRAWN", "caseworker")
                .json();
        assertThat(withdrawn).hasSize(1);
        assertThat(withdrawn.get(0).get("recommendationId").asString()).isEqualTo(projectId);
        assertThat(withdrawn.get(0).get("status").asString()).isEqualTo("WITHDRAWN");

        JsonNode history =
                api.get("/api/households/" + id + "/evaluations", "caseworker").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("evaluationId").asString())
                .isEqualTo(second.get("evaluationId").asString());
        assertThat(history.get(0).get("evaluatedAt").asString())
                .isEqualTo(second.get("evaluatedAt").asString());
        assertThat(history.get(0).get("recommendations")).isEqualTo(second.get("recommendations"));
        assertThat(history.get(1).get("evaluationId").asString())
                .isEqualTo(first.get("evaluationId").asString());
        assertThat(history.get(1)
                        .get("recommendations")
                        .valueStream()
                        .map(r -> r.get("measure").asString()))
                .contains("INDUSTRY_PROJECT");
    }

    @Test
    void aMeasureThatComesBackAfterBeingWithdrawnStartsAgainAsANewRecommendation() {
        String id = register(exampleOne(newHouseholdId()));
        String projectId = find(evaluate(id).get("recommendations"), "INDUSTRY_PROJECT")
                .get("recommendationId")
                .asString();
        register(exampleOne(id).put("industryProjects", 1));
        evaluate(id);
        register(exampleOne(id).put("industryProjects", 0));
        JsonNode again = find(evaluate(id).get("recommendations"), "INDUSTRY_PROJECT");
        assertThat(again.get("recommendationId").asString()).isNotEqualTo(projectId);
        assertThat(again.get("status").asString()).isEqualTo("RECOMMENDED");
        assertThat(api.get("/api/households/" + id + "/recommendations?status=WITHDRAWN", "caseworker")
                        .json())
                .hasSize(1);
    }

    @Test
    void onlyTheAllowedMovesAreAllowedAndAConflictNamesThem() {
        String id = register(exampleOne(newHouseholdId()));
        JsonNode recommendations = evaluate(id).get("recommendations");
        String dibao = find(recommendations, "SAFETY_NET_DIBAO")
                .get("recommendationId")
                .asString();

        Api.Response skip = move(dibao, "DELIVERED", null);
        assertThat(skip.status()).isEqualTo(409);
        assertThat(skip.json().get("allowedMoves").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("ACCEPTED", "DECLINED");

        Api.Response noReason = move(dibao, "DECLINED", null);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("note");
        assertThat(move(dibao, "DECLINED", "户主表示暂不需要").status()).isEqualTo(200);
        Api.Response afterDecline = move(dibao, "ACCEPTED", null);
        assertThat(afterDecline.status()).isEqualTo(409);
        assertThat(afterDecline.json().get("allowedMoves")).isEmpty();

        assertThat(move(dibao, "WITHDRAWN", "x").status()).isEqualTo(400);
        assertThat(move(dibao, "RECOMMENDED", null).status()).isEqualTo(400);
        assertThat(move("no-such-recommendation", "ACCEPTED", null).status()).isEqualTo(404);
    }

    @Test
    void twentyConcurrentEvaluationsLeaveOneCurrentRecommendationPerMeasureAndTarget() throws Exception {
        String id = register(exampleOne(newHouseholdId()));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> evaluations = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                evaluations.add(() -> api.post("/api/households/" + id + "/evaluations?asOf=" + AS_OF, "caseworker", "")
                        .status());
            }
            for (Future<Integer> result : pool.invokeAll(evaluations)) {
                assertThat(result.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        JsonNode current = api.get("/api/households/" + id + "/recommendations", "caseworker")
                .json();
        Set<String> targets = new HashSet<>();
        current.forEach(r -> assertThat(targets.add(
                        r.get("measure").asString() + "@" + r.get("memberId").asString()))
                .as("one current recommendation per measure and target")
                .isTrue());
        assertThat(current).hasSize(7);
        assertThat(api.get("/api/households/" + id + "/evaluations", "caseworker")
                        .json())
                .hasSize(20);
        assertThat(api.get("/api/households/" + id + "/recommendations?status=WITHDRAWN", "caseworker")
                        .json())
                .isEmpty();
    }

    @Test
    void anEvaluationThatCannotBeMadeRecordsNothing() {
        String id = register(exampleOne(newHouseholdId()));
        Api.Response tooEarly = api.post("/api/households/" + id + "/evaluations?asOf=2018-06-30", "caseworker", "");
        assertThat(tooEarly.status()).isEqualTo(422);
        Api.Response badDate = api.post("/api/households/" + id + "/evaluations?asOf=30.06.2020", "caseworker", "");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(api.get("/api/households/" + id + "/evaluations", "caseworker")
                        .json())
                .isEmpty();
        assertThat(api.get("/api/households/" + id + "/recommendations", "caseworker")
                        .json())
                .isEmpty();
    }

    @Test
    void anUnknownHouseholdHasNoEvaluationsOrRecommendations() {
        String id = newHouseholdId();
        assertThat(api.post("/api/households/" + id + "/evaluations", "caseworker", "")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/households/" + id + "/evaluations", "caseworker")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/households/" + id + "/recommendations", "caseworker")
                        .status())
                .isEqualTo(404);
    }
}
