package cn.fupin.matching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.household.HouseholdJson;
import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The preview endpoint over real HTTP, with the real rules folder. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "app.security.users.viewer.password={noop}viewer-demo",
            "app.security.users.viewer.roles=ID_NUMBER_READER"
        })
class RecommendationApiTests extends ApiTestBase {

    ObjectNode exampleOne() {
        ObjectNode household = HouseholdJson.household();
        ObjectNode head = (ObjectNode) household.get("members").get(0);
        head.put("health", "CHRONIC_ILLNESS");
        ObjectNode child = (ObjectNode) household.get("members").get(1);
        child.put("relation", "CHILD")
                .put("labourAbility", "NONE")
                .put("seekingWork", false)
                .put("schooling", "DROPPED_OUT");
        return household;
    }

    @Test
    void thePolicysFirstExampleGetsItsMeasuresWithRulesAndReasonsInAStableOrder() {
        Api.Response response = api.post("/api/recommendations?asOf=2020-06-30", "caseworker", exampleOne());
        assertThat(response.status()).isEqualTo(200);
        JsonNode evaluation = response.json();
        assertThat(evaluation.get("householdId").asString()).isEqualTo("520102-000123");
        assertThat(evaluation.get("asOf").asString()).isEqualTo("2020-06-30");
        assertThat(evaluation.get("rulesetVersion").asString()).startsWith("sha256:");
        assertThat(evaluation.get("evaluatedAt").asString()).endsWith("+08:00");
        List<String> measures = evaluation
                .get("recommendations")
                .valueStream()
                .map(r -> r.get("measure").asString()
                        + (r.get("memberId").isNull()
                                ? ""
                                : "@" + r.get("memberId").asString()))
                .toList();
        assertThat(measures)
                .containsExactly(
                        "HEALTH_FAMILY_DOCTOR@520102-000123-01",
                        "EDUCATION_DROPOUT_RETURN@520102-000123-02",
                        "INDUSTRY_PROJECT",
                        "INDUSTRY_COOPERATIVE_LINK",
                        "SAFETY_NET_DIBAO",
                        "EMPLOYMENT_JOB_PLACEMENT@520102-000123-01",
                        "EMPLOYMENT_SKILLS_TRAINING@520102-000123-01");
        JsonNode dibao = evaluation.get("recommendations").get(4);
        assertThat(dibao.get("action").asString()).isEqualTo("SAFETY_NET");
        assertThat(dibao.get("measureName").asString()).isEqualTo("农村最低生活保障");
        assertThat(dibao.get("rule").asString()).isEqualTo("低保：收入低于本地低保标准");
        assertThat(dibao.get("reason").asString()).isEqualTo("家庭年人均纯收入 3,800 元低于本地农村低保标准 4,500 元");
        assertThat(dibao.has("recommendationId")).isFalse();
    }

    @Test
    void everyBadFieldAndABadDateAreListedInOneProblem() {
        ObjectNode household = exampleOne();
        household.put("regionCode", "52").put("incomePerCapita", -3);
        ((ObjectNode) household.get("members").get(1)).put("schooling", "HOMESCHOOL");
        Api.Response response = api.post("/api/recommendations?asOf=2020-02-30", "caseworker", household);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("asOf", "regionCode", "incomePerCapita", "members[1].schooling");
    }

    @Test
    void aMemberBornAfterTheEvaluationDateIsRefused() {
        Api.Response response = api.post("/api/recommendations?asOf=2000-06-30", "caseworker", exampleOne());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactly("members[1].birthDate");
    }

    @Test
    void aDateBeforeAnyStandardIsUnprocessableAndNamesTheStandardAndDate() {
        Api.Response response = api.post("/api/recommendations?asOf=2018-06-30", "caseworker", exampleOne());
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString())
                .contains("dibao_standard")
                .contains("2018-06-30");
    }

    @Test
    void malformedJsonIsABadRequest() {
        Api.Response response = api.post("/api/recommendations", "caseworker", "{\"householdId\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWith413WhetherOrNotItsLengthIsDeclared() {
        String big = "{\"householdId\": \"" + "x".repeat(1_100_000) + "\"}";
        Api.Response declared = api.post("/api/recommendations", "caseworker", big);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.contentType()).startsWith("application/problem+json");

        HttpRequest chunked = api.request("/api/recommendations", "caseworker")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
                .build();
        assertThat(api.send(chunked).status()).isEqualTo(413);
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    void anAnonymousCallerIsAskedToSignInAndAUserWithoutTheRoleIsRefused() {
        Api.Response anonymous = api.post("/api/recommendations", null, exampleOne());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/recommendations", "viewer", exampleOne()).status())
                .isEqualTo(403);
    }

    @Test
    void theServiceStaysHealthyAfterBadInput() {
        api.post("/api/recommendations", "caseworker", "[1,2,3]");
        api.post("/api/recommendations", "caseworker", "not json at all");
        Api.Response health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }
}
