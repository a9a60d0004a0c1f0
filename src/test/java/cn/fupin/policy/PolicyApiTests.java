package cn.fupin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The active rule set and the standards in force, over real HTTP; and what is open without signing in. */
class PolicyApiTests extends ApiTestBase {

    @Test
    void theActiveRuleSetShowsItsVersionRulesAndFiles() {
        Api.Response response = api.get("/api/rulesets/active", "caseworker");
        assertThat(response.status()).isEqualTo(200);
        JsonNode active = response.json();
        assertThat(active.get("version").asString())
                .isEqualTo(RulesFolder.version(new RulesFolder(Path.of("rules")).read()));
        assertThat(active.get("rules").asInt()).isGreaterThan(24);
        assertThat(active.get("loadedAt").asString()).isNotBlank();
        assertThat(active.get("files").valueStream().map(JsonNode::asString)).contains("standards.yaml", "health.drl");
    }

    @Test
    void theStandardsOfACityWithItsOwnDibaoStandardSayWhereEachValueComesFrom() {
        JsonNode standards = api.get("/api/standards?asOf=2020-06-30&regionCode=520302", "caseworker")
                .json();
        JsonNode dibao = standards
                .get("standards")
                .valueStream()
                .filter(s -> s.get("name").asString().equals("dibao_standard"))
                .findFirst()
                .orElseThrow();
        assertThat(dibao.get("value").decimalValue()).isEqualByComparingTo("5000");
        assertThat(dibao.get("since").asString()).isEqualTo("2020-01-01");
        assertThat(dibao.get("region").asString()).isEqualTo("5203");
        assertThat(dibao.get("reference").asString()).contains("遵义市");
        assertThat(standards.get("standards")).hasSize(StandardName.values().length);
        assertThat(standards.get("standards").valueStream())
                .allSatisfy(s -> assertThat(s.get("reference").asString()).isNotBlank());
    }

    @Test
    void theStandardsBeforeAnyValueAreListedWithoutOne() {
        JsonNode standards =
                api.get("/api/standards?asOf=2018-06-30", "caseworker").json();
        assertThat(standards.get("standards").valueStream())
                .allSatisfy(s -> assertThat(s.get("value").isNull()).isTrue());
    }

    @Test
    void aBadDateOrRegionIsABadRequestNamingTheParameter() {
        Api.Response response = api.get("/api/standards?asOf=yesterday&regionCode=520", "caseworker");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("asOf", "regionCode");
    }

    @Test
    void healthAndTheOpenApiDocumentAreOpenAndEverythingElseNeedsAUser() {
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        Api.Response openApi = api.get("/v3/api-docs", null);
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().get("paths").has("/api/recommendations")).isTrue();
        assertThat(api.get("/api/rulesets/active", null).status()).isEqualTo(401);
        assertThat(api.get("/api/standards", null).status()).isEqualTo(401);
    }
}
