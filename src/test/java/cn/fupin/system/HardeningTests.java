package cn.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.household.HouseholdJson;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Security headers on every answer, no stack traces, actuator details for ADMIN only, no mass assignment. */
class HardeningTests extends ApiTestBase {

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (Api.Response response : new Api.Response[] {
            api.get("/api/rulesets/active", "caseworker"),
            api.get("/api/households/nobody", "caseworker"),
            api.get("/login", null)
        }) {
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy"))
                    .get()
                    .asString()
                    .contains("default-src 'self'")
                    .contains("frame-ancestors 'none'");
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(headers.firstValue("Cache-Control")).get().asString().contains("no-store");
        }
    }

    @Test
    void errorsCarryNoStackTraceOrExceptionName() {
        Api.Response malformed = api.post("/api/recommendations", "caseworker", "{\"householdId\": ");
        Api.Response unknownPath = api.get("/api/no-such-thing", "caseworker");
        Api.Response wrongMethod = api.send(api.request("/api/households/x", "caseworker")
                .method("DELETE", HttpRequest.BodyPublishers.noBody())
                .build());
        for (Api.Response response : new Api.Response[] {malformed, unknownPath, wrongMethod}) {
            assertThat(response.status()).isBetween(400, 499);
            assertThat(response.body())
                    .doesNotContain("Exception")
                    .doesNotContain("at cn.fupin")
                    .doesNotContain("\"trace\"");
        }
    }

    @Test
    void healthDetailsAndOtherActuatorEndpointsAreForAdminOnly() {
        JsonNode anonymous = api.get("/actuator/health", null).json();
        assertThat(anonymous.get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();
        assertThat(api.get("/actuator/health", "admin").json().has("components"))
                .isTrue();
        assertThat(api.get("/actuator/metrics", "caseworker").status()).isEqualTo(403);
        assertThat(api.get("/actuator/env", "admin").status())
                .as("not exposed at all")
                .isEqualTo(404);
    }

    @Test
    void aStatusChangeCannotRetargetAnotherRecommendationOrHousehold() {
        String a = newHouseholdId();
        String b = newHouseholdId();
        api.put("/api/households/" + a, "caseworker", HouseholdJson.household(a), null);
        api.put("/api/households/" + b, "caseworker", HouseholdJson.household(b), null);
        String ra = api.post("/api/households/" + a + "/evaluations?asOf=2020-06-30", "caseworker", "")
                .json()
                .get("recommendations")
                .get(0)
                .get("recommendationId")
                .asString();
        String rb = api.post("/api/households/" + b + "/evaluations?asOf=2020-06-30", "caseworker", "")
                .json()
                .get("recommendations")
                .get(0)
                .get("recommendationId")
                .asString();
        ObjectNode body = Api.JSON
                .createObjectNode()
                .put("status", "ACCEPTED")
                .put("recommendationId", rb)
                .put("householdId", b)
                .put("measure", "HOUSING_RENOVATION")
                .put("createdBy", "someone");
        JsonNode moved =
                api.patch("/api/recommendations/" + ra, "caseworker", body).json();
        assertThat(moved.get("recommendationId").asString()).isEqualTo(ra);
        assertThat(api.get("/api/households/" + b + "/recommendations", "caseworker")
                        .json()
                        .valueStream()
                        .filter(r -> r.get("recommendationId").asString().equals(rb))
                        .findFirst()
                        .orElseThrow()
                        .get("status")
                        .asString())
                .isEqualTo("RECOMMENDED");
    }

    @Test
    void aHouseholdBodyCannotSetItsVersionOrRecommendations() {
        String id = newHouseholdId();
        ObjectNode household = HouseholdJson.household(id);
        household.put("version", 41);
        household
                .putArray("recommendations")
                .addObject()
                .put("measure", "SAFETY_NET_DIBAO")
                .put("status", "DELIVERED");
        Api.Response created = api.put("/api/households/" + id, "caseworker", household, null);
        assertThat(created.json().get("version").asLong()).isZero();
        assertThat(api.get("/api/households/" + id + "/recommendations", "caseworker")
                        .json())
                .isEmpty();
    }
}
