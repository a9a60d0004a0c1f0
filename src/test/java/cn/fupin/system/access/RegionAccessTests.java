package cn.fupin.system.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.household.HouseholdJson;
import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A case worker bound to one county reaches that county's households only: another county's household is
 * answered as one that does not exist (404), for every read and every write, and is left out of every list.
 */
class RegionAccessTests extends ApiTestBase {

    String householdId;
    String recommendationId;
    String evaluationId;
    String ours;
    String theirs;

    @BeforeEach
    void aHouseholdOfCounty520102WithARecordedEvaluation() {
        householdId = newHouseholdId(); // region 520102
        assertThat(api.put("/api/households/" + householdId, "caseworker", HouseholdJson.household(householdId), null)
                        .status())
                .isEqualTo(201);
        JsonNode evaluation = api.post(
                        "/api/households/" + householdId + "/evaluations?asOf=2020-06-30", "caseworker", "")
                .json();
        evaluationId = evaluation.get("evaluationId").asString();
        recommendationId =
                evaluation.get("recommendations").get(0).get("recommendationId").asString();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ours = "cw-520102-" + suffix;
        theirs = "cw-520103-" + suffix;
        api.createUser(ours, "520102", "CASEWORKER");
        api.createUser(theirs, "520103", "CASEWORKER");
    }

    @Test
    void aCaseWorkerOfTheCountySeesAndChangesItsHousehold() {
        assertThat(api.get("/api/households/" + householdId, ours).status()).isEqualTo(200);
        assertThat(api.get("/api/households/" + householdId + "/recommendations", ours)
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/households/" + householdId + "/evaluations?asOf=2020-06-30", ours, "")
                        .status())
                .isEqualTo(201);
        assertThat(api.get("/api/households?regionCode=520102&size=200", ours).body())
                .contains(householdId);
    }

    @Test
    void anotherCountysCaseWorkerCannotReadTheHouseholdOrItsRecords() {
        for (String path : new String[] {
            "/api/households/" + householdId,
            "/api/households/" + householdId + "/recommendations",
            "/api/households/" + householdId + "/evaluations",
            "/api/evaluations/" + evaluationId,
            "/api/evaluations/" + evaluationId + "/replay"
        }) {
            Api.Response response = api.get(path, theirs);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("520102 ").doesNotContain("region");
        }
        Api.Response card = api.send(api.request("/api/households/" + householdId + "/card", theirs)
                .header("Accept", "text/html")
                .GET()
                .build());
        assertThat(card.status()).isEqualTo(404);
        assertThat(card.body()).doesNotContain("张三");
    }

    @Test
    void anotherCountysCaseWorkerIsToldTheSameAsForAHouseholdThatDoesNotExist() {
        Api.Response hidden = api.get("/api/households/" + householdId, theirs);
        String missingId = newHouseholdId();
        Api.Response missing = api.get("/api/households/" + missingId, theirs);
        assertThat(hidden.status()).isEqualTo(missing.status()).isEqualTo(404);
        assertThat(hidden.json().get("detail").asString().replace(householdId, "X"))
                .isEqualTo(missing.json().get("detail").asString().replace(missingId, "X"));
    }

    @Test
    void anotherCountysCaseWorkerCannotListOrExportTheHousehold() {
        assertThat(api.get("/api/households?regionCode=520102", theirs).status())
                .isEqualTo(404);
        assertThat(api.get("/api/households?size=200", theirs).body()).doesNotContain(householdId);
        assertThat(api.get("/api/households?regionCode=52&size=200", theirs).body())
                .doesNotContain(householdId);
        assertThat(api.get("/api/households/export?regionCode=520102", theirs).status())
                .isEqualTo(404);
        Api.Response export = api.get("/api/households/export", theirs);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).doesNotContain(householdId);
        String number = HouseholdJson.household(householdId)
                .get("members")
                .get(0)
                .get("idNumber")
                .asString();
        assertThat(api.post(
                                "/api/households/lookup",
                                theirs,
                                Api.JSON.createObjectNode().put("idNumber", number))
                        .body())
                .doesNotContain(householdId);
        assertThat(api.post(
                                "/api/households/lookup",
                                ours,
                                Api.JSON.createObjectNode().put("idNumber", number))
                        .body())
                .contains(householdId);
    }

    @Test
    void anotherCountysCaseWorkerCannotEvaluateUpdateOrMoveItsRecommendations() {
        assertThat(api.post("/api/households/" + householdId + "/evaluations?asOf=2020-06-30", theirs, "")
                        .status())
                .isEqualTo(404);
        ObjectNode changed = HouseholdJson.household(householdId);
        changed.put("incomePerCapita", 99999);
        assertThat(api.put("/api/households/" + householdId, theirs, changed, null)
                        .status())
                .isEqualTo(404);
        changed.put("regionCode", "520103");
        assertThat(api.put("/api/households/" + householdId, theirs, changed, null)
                        .status())
                .as("moving it into their own county")
                .isEqualTo(404);
        assertThat(api.patch(
                                "/api/recommendations/" + recommendationId,
                                theirs,
                                Api.JSON.createObjectNode().put("status", "ACCEPTED"))
                        .status())
                .isEqualTo(404);
        Api.Response imported = api.postNdjson("/api/households/import", theirs, changed.toString());
        assertThat(imported.json().get("stored").asInt()).isZero();
        assertThat(imported.json().get("rejected").asInt()).isEqualTo(1);

        JsonNode stored = api.get("/api/households/" + householdId, ours).json();
        assertThat(stored.get("incomePerCapita").decimalValue()).isEqualByComparingTo("3800");
        assertThat(stored.get("regionCode").asString()).isEqualTo("520102");
        assertThat(api.get("/api/households/" + householdId + "/recommendations", ours)
                        .json()
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("RECOMMENDED");
    }

    @Test
    void aCaseWorkerCannotCreateAHouseholdOutsideTheirCounty() {
        String id = newHouseholdId();
        assertThat(api.put("/api/households/" + id, theirs, HouseholdJson.household(id), null)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/households/" + id, "caseworker").status()).isEqualTo(404);
    }

    @Test
    void reportsOfAnotherCountyAreNotFoundAndAProvinceReportIsNarrowedToTheirCounty() {
        assertThat(api.get("/api/reports/coverage?regionCode=520102", theirs).status())
                .isEqualTo(404);
        assertThat(api.get("/api/reports/causes?regionCode=520102", theirs).status())
                .isEqualTo(404);
        JsonNode province =
                api.get("/api/reports/coverage?regionCode=52", theirs).json();
        assertThat(province.get("regionCode").asString()).isEqualTo("520103");
        assertThat(api.get(
                                "/api/reports/coverage/households?action=SAFETY_NET&list=targeted&regionCode=52&size=1000",
                                theirs)
                        .body())
                .doesNotContain(householdId);
    }

    @Test
    void aCaseWorkerCannotReloadRulesManageUsersOrReadTheAuditTrail() {
        assertThat(api.post("/api/rulesets/reload", ours, "").status()).isEqualTo(403);
        assertThat(api.post("/api/users", ours, Api.JSON.createObjectNode().put("username", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/audit", ours).status()).isEqualTo(403);
    }

    @Test
    void withoutCredentialsEveryHouseholdEndpointIs401() {
        assertThat(api.get("/api/households/" + householdId, null).status()).isEqualTo(401);
        assertThat(api.get("/api/households", null).status()).isEqualTo(401);
        assertThat(api.put("/api/households/" + householdId, null, HouseholdJson.household(householdId), null)
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/reports/coverage", null).status()).isEqualTo(401);
    }

    @Test
    void aRegionChangedByAnAdminAppliesAtTheNextRequest() {
        assertThat(api.get("/api/households/" + householdId, theirs).status()).isEqualTo(404);
        assertThat(api.patch(
                                "/api/users/" + theirs,
                                "admin",
                                Api.JSON.createObjectNode().put("regionPrefix", "5201"))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/households/" + householdId, theirs).status()).isEqualTo(200);
        assertThat(api.patch(
                                "/api/users/" + theirs,
                                "admin",
                                Api.JSON.createObjectNode().put("enabled", false))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/households/" + householdId, theirs).status()).isEqualTo(401);
    }
}
