package cn.fupin.report;

import java.util.concurrent.ThreadLocalRandom;

import cn.fupin.household.HouseholdJson;
import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Return-to-poverty monitoring as a share of each region's people, flagged outside 3%–10%. */
class MonitoringReportTests extends ApiTestBase {

    /** A lifted household of two under its own region; on watch when its income is under the monitoring line. */
    void register(String region, int n, boolean onWatch) {
        String id = region + "-" + n;
        ObjectNode h = HouseholdJson.household(id).put("regionCode", region).put("status", "LIFTED")
                .put("incomePerCapita", onWatch ? 5000 : 9000);
        assertThat(api.put("/api/households/" + id, "caseworker", h, null).status()).isEqualTo(201);
        assertThat(api.post("/api/households/" + id + "/evaluations?asOf=2020-06-30", "caseworker", "").status())
                .isEqualTo(201);
    }

    @Test
    void eachRegionShowsItsShareOnWatchAndIsFlaggedAboveTenOrBelowThreePercent() {
        String city = "57" + String.format("%02d", ThreadLocalRandom.current().nextInt(100));
        for (int n = 0; n < 4; n++) {
            register(city + "01", n, n == 0);          // 2 of 8 people: 25%, HIGH
        }
        for (int n = 0; n < 3; n++) {
            register(city + "02", n, false);           // 0 of 6 people: LOW
        }

        Api.Response response = api.get("/api/reports/monitoring?regionCode=" + city + "&regionDigits=6", "caseworker");

        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("regions")).hasSize(2);
        JsonNode first = report.get("regions").get(0);
        assertThat(first.get("regionCode").asString()).isEqualTo(city + "01");
        assertThat(first.get("households").asLong()).isEqualTo(4);
        assertThat(first.get("people").asLong()).isEqualTo(8);
        assertThat(first.get("monitoredHouseholds").asLong()).isEqualTo(1);
        assertThat(first.get("monitoredPeople").asLong()).isEqualTo(2);
        assertThat(first.get("share").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(first.get("flag").asString()).isEqualTo("HIGH");
        assertThat(report.get("regions").get(1).get("flag").asString()).isEqualTo("LOW");
        JsonNode total = report.get("total");
        assertThat(total.get("people").asLong()).isEqualTo(14);
        assertThat(total.get("monitoredPeople").asLong()).isEqualTo(2);
        assertThat(total.get("share").decimalValue()).isEqualByComparingTo("0.1429");
        assertThat(total.get("flag").asString()).isEqualTo("HIGH");

        JsonNode byCity = api.get("/api/reports/monitoring?regionCode=" + city + "&regionDigits=4", "caseworker").json();
        assertThat(byCity.get("regions")).hasSize(1);
        assertThat(byCity.get("regions").get(0).get("monitoredHouseholds").asLong()).isEqualTo(1);
    }

    @Test
    void badParametersAreNamed() {
        Api.Response response = api.get("/api/reports/monitoring?regionCode=5x&regionDigits=5", "caseworker");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("regionCode", "regionDigits");
    }
}
