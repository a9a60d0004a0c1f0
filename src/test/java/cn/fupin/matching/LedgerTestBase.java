package cn.fupin.matching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.household.HouseholdJson;
import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Registering, evaluating and moving measures over HTTP, for the tests of the ledger. */
abstract class LedgerTestBase extends ApiTestBase {

    static final String AS_OF = "2020-06-30";

    ObjectNode exampleOne(String id) {
        ObjectNode household = HouseholdJson.household(id);
        ((ObjectNode) household.get("members").get(0)).put("health", "CHRONIC_ILLNESS");
        ((ObjectNode) household.get("members").get(1))
                .put("relation", "CHILD")
                .put("labourAbility", "NONE")
                .put("seekingWork", false)
                .put("schooling", "DROPPED_OUT");
        return household;
    }

    String register(ObjectNode household) {
        String id = household.get("householdId").asString();
        assertThat(api.put("/api/households/" + id, "caseworker", household, null)
                        .status())
                .isIn(200, 201);
        return id;
    }

    JsonNode evaluate(String id) {
        Api.Response response = api.post("/api/households/" + id + "/evaluations?asOf=" + AS_OF, "caseworker", "");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    static JsonNode find(JsonNode recommendations, String measure) {
        return recommendations
                .valueStream()
                .filter(r -> r.get("measure").asString().equals(measure))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + measure + " in " + recommendations));
    }

    Api.Response move(String recommendationId, String status, String note) {
        return api.patch(
                "/api/recommendations/" + recommendationId,
                "caseworker",
                note == null ? Map.of("status", status) : Map.of("status", status, "note", note));
    }
}
