package cn.fupin.household;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ids are case-sensitive on both databases (src/docs/api.md, "Ids are case-sensitive"): `m1` and `M1` are two members,
 * and a path id spelled in another case than the stored one names no household. MariaDB compared ids
 * case-insensitively (the tables' default collation) where Java and H2 did not, and each of these went wrong
 * there: a 409 for m1/M1, the household found under the other spelling, a 500 evaluating it.
 */
class IdCaseTests extends ApiTestBase {

    static final String AS_OF = "2020-06-30";

    /** A household whose id has letters in it, with members `m1` and `M1` and an illness that gets measures. */
    static ObjectNode withMembersM1(String id) {
        ObjectNode household = HouseholdJson.household(id);
        ArrayNode members = (ArrayNode) household.get("members");
        ((ObjectNode) members.get(0)).put("memberId", "m1").put("health", "CHRONIC_ILLNESS");
        ((ObjectNode) members.get(1)).put("memberId", "M1");
        return household;
    }

    /** A household whose first member is ill (so that it gets measures), with member ids under its id. */
    static ObjectNode ill(String id) {
        ObjectNode household = HouseholdJson.household(id);
        ((ObjectNode) household.get("members").get(0)).put("health", "CHRONIC_ILLNESS");
        return household;
    }

    static String lettered() {
        return newHouseholdId() + "-abc";
    }

    Api.Response put(String pathId, ObjectNode household) {
        return api.put("/api/households/" + pathId, "caseworker", household, null);
    }

    /** The members targeted by a measure in these recommendations. */
    static List<String> targets(JsonNode recommendations, String measure) {
        return recommendations
                .valueStream()
                .filter(r -> r.get("measure").asString().equals(measure))
                .map(r -> r.get("memberId").asString())
                .toList();
    }

    @Test
    void membersM1AndUpperM1AreTwoMembers() {
        String id = lettered();
        Api.Response created = put(id, withMembersM1(id));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        JsonNode members = api.get("/api/households/" + id, "caseworker").json().get("members");
        assertThat(members.valueStream().map(m -> m.get("memberId").asString())).containsExactly("m1", "M1");
        Api.Response evaluated = api.post("/api/households/" + id + "/evaluations?asOf=" + AS_OF, "caseworker", "");
        assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(201);
        // Each has measures of its own: m1 is ill, M1 a child out of school.
        JsonNode recommendations = evaluated.json().get("recommendations");
        assertThat(targets(recommendations, "HEALTH_FAMILY_DOCTOR")).containsExactly("m1");
        assertThat(targets(recommendations, "EDUCATION_DROPOUT_RETURN")).containsExactly("M1");
        assertThat(api.get("/api/households/" + id + "/recommendations", "caseworker")
                        .json()
                        .valueStream()
                        .map(r -> r.get("memberId").asString()))
                .contains("m1", "M1");
    }

    @Test
    void theSameMemberIdTwiceIsRefusedNamingTheSecond() {
        String id = lettered();
        ObjectNode household = withMembersM1(id);
        ((ObjectNode) household.get("members").get(1)).put("memberId", "m1");
        Api.Response refused = put(id, household);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactly("members[1].memberId");
        assertThat(api.get("/api/households/" + id, "caseworker").status()).isEqualTo(404);
    }

    @Test
    void aPathIdSpelledInAnotherCaseNamesNoHousehold() {
        String id = lettered();
        String other = id.toUpperCase();
        assertThat(put(id, ill(id)).status()).isEqualTo(201);
        Api.Response evaluated = api.post("/api/households/" + id + "/evaluations?asOf=" + AS_OF, "caseworker", "");
        assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(201);

        assertThat(api.get("/api/households/" + other, "caseworker").status()).isEqualTo(404);
        assertThat(api.get("/api/households/" + id + "%20", "caseworker").status())
                .as("no stored id ends in a space")
                .isEqualTo(404);
        Api.Response evaluation = api.post("/api/households/" + other + "/evaluations?asOf=" + AS_OF, "caseworker", "");
        assertThat(evaluation.status()).as(evaluation.body()).isEqualTo(404);
        assertThat(evaluation.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/households/" + other + "/evaluations", "caseworker")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/households/" + other + "/recommendations", "caseworker")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/households/" + other + "/findings", "caseworker")
                        .status())
                .isEqualTo(404);
        assertThat(api.send(api.request("/api/households/" + other + "/card", "caseworker")
                                .header("Accept", "text/html")
                                .GET()
                                .build())
                        .status())
                .isEqualTo(404);
        // The trail of one spelling holds only its own requests (the 404s above), none of the other's.
        assertThat(api.get("/api/audit?householdId=" + other, "admin")
                        .json()
                        .valueStream()
                        .map(e -> e.get("householdId").asString()))
                .isNotEmpty()
                .containsOnly(other);
        assertThat(api.get("/api/audit?householdId=" + id, "admin")
                        .json()
                        .valueStream()
                        .map(e -> e.get("householdId").asString()))
                .isNotEmpty()
                .containsOnly(id);

        // The ids the service makes are case-sensitive too: they are lower-case UUIDs.
        String evaluationId = evaluated.json().get("evaluationId").asString();
        assertThat(api.get("/api/evaluations/" + evaluationId.toUpperCase(), "caseworker")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/evaluations/" + evaluationId, "caseworker").status())
                .isEqualTo(200);
        String recommendationId = evaluated
                .json()
                .get("recommendations")
                .get(0)
                .get("recommendationId")
                .asString();
        assertThat(api.patch(
                                "/api/recommendations/" + recommendationId.toUpperCase(),
                                "caseworker",
                                Map.of("status", "ACCEPTED"))
                        .status())
                .isEqualTo(404);
        assertThat(api.patch("/api/recommendations/" + recommendationId, "caseworker", Map.of("status", "ACCEPTED"))
                        .status())
                .isEqualTo(200);

        // The other spelling is a household of its own; registering it leaves the first as it was.
        Api.Response second = put(other, ill(other).put("incomePerCapita", 9100));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        JsonNode first = api.get("/api/households/" + id, "caseworker").json();
        assertThat(first.get("householdId").asString()).isEqualTo(id);
        assertThat(first.get("incomePerCapita").decimalValue()).isEqualByComparingTo("3800");
        assertThat(first.get("version").asLong()).isZero();
        assertThat(api.get("/api/households/" + other, "caseworker")
                        .json()
                        .get("incomePerCapita")
                        .decimalValue())
                .isEqualByComparingTo("9100");
        assertThat(api.get("/api/households/" + other + "/evaluations", "caseworker")
                        .json())
                .isEmpty();
        assertThat(api.get("/api/households/" + id + "/evaluations", "caseworker")
                        .json())
                .hasSize(1);
        Api.Response again = api.post("/api/households/" + id + "/evaluations?asOf=" + AS_OF, "caseworker", "");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
    }
}
