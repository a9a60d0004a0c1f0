package cn.fupin.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.household.HouseholdJson;
import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The 明白卡 of a stored, evaluated household, as a case worker prints it. */
class HouseholdCardTests extends ApiTestBase {

    Api.Response card(String id, String user) {
        return api.send(api.request("/api/households/" + id + "/card", user)
                .header("Accept", "text/html")
                .GET()
                .build());
    }

    @Test
    void theCardShowsTheHouseholdItsMeasuresWithReasonsAndStatusAndTheStandardsWithMaskedIdNumbers() {
        String id = newHouseholdId();
        ObjectNode household = HouseholdJson.household(id);
        ((ObjectNode) household.get("members").get(0))
                .put("health", "CHRONIC_ILLNESS")
                .put("name", "王大山");
        String idNumber = household.get("members").get(0).get("idNumber").asString();
        assertThat(api.put("/api/households/" + id, "caseworker", household, null)
                        .status())
                .isEqualTo(201);
        Api.Response evaluation = api.post("/api/households/" + id + "/evaluations?asOf=2020-06-30", "caseworker", "");
        assertThat(evaluation.status()).isEqualTo(201);
        String recommendationId = evaluation
                .json()
                .get("recommendations")
                .get(0)
                .get("recommendationId")
                .asString();
        assertThat(api.patch("/api/recommendations/" + recommendationId, "caseworker", Map.of("status", "ACCEPTED"))
                        .status())
                .isEqualTo(200);

        Api.Response card = card(id, "caseworker");

        assertThat(card.status()).isEqualTo(200);
        assertThat(card.contentType()).startsWith("text/html");
        String page = card.body();
        assertThat(page).contains("精准扶贫明白卡", id, "王大山", "户主", "因病", "（主要）");
        assertThat(page)
                .doesNotContain(idNumber)
                .contains(idNumber.substring(0, 6) + "************")
                .doesNotContain(idNumber.substring(14));
        assertThat(page).contains("家庭医生签约服务", "该成员患慢性病", "已确认", "待落实");
        assertThat(page).contains("农村低保标准", "2020-01-01 起");
        assertThat(page).contains(evaluation.json().get("rulesetVersion").asString(), "认定日期 2020-06-30");
        assertThat(page).contains("@page { size: A4");
    }

    @Test
    void aHouseholdNeverEvaluatedHasACardSayingSoAndAnUnknownOneIs404() {
        String id = newHouseholdId();
        assertThat(api.put("/api/households/" + id, "caseworker", HouseholdJson.household(id), null)
                        .status())
                .isEqualTo(201);
        assertThat(card(id, "caseworker").body()).contains("目前没有帮扶措施", "本户尚未认定帮扶措施");
        Api.Response missing = card("520102-unknown", "caseworker");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("text/html");
        assertThat(missing.body()).contains("未找到该户").doesNotContain("520102-unknown");
        Api.Response signedOut = card(id, null);
        assertThat(signedOut.status())
                .as("a browser is sent to the sign-in page")
                .isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        Api.Response apiClient =
                api.send(api.request("/api/households/" + id, null).GET().build());
        assertThat(apiClient.status()).as("an API client is told to sign in").isEqualTo(401);
    }
}
