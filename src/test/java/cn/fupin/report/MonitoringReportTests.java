package cn.fupin.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.household.HouseholdJson;
import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Return-to-poverty monitoring (POLICY.md, "Dynamic monitoring") as a share of each region's people, flagged
 * outside 3%–10%: the households under monitoring (status MONITORED, 监测户, whatever their measures) and the
 * LIFTED households the rules put on watch (MONITORING_WATCH, at risk), each counted once.
 */
class MonitoringReportTests extends ApiTestBase {

    final String city = "57" + String.format("%02d", ThreadLocalRandom.current().nextInt(100));

    /** A household of two under its own region; a LIFTED one is put on watch when its income is under the line. */
    String register(String region, int n, String status, int income) {
        String id = region + "-" + n;
        ObjectNode h = HouseholdJson.household(id)
                .put("regionCode", region)
                .put("status", status)
                .put("incomePerCapita", income);
        assertThat(api.put("/api/households/" + id, "caseworker", h, null).status())
                .isIn(200, 201);
        return id;
    }

    void evaluate(String id) {
        assertThat(api.post("/api/households/" + id + "/evaluations?asOf=2020-06-30", "caseworker", "")
                        .status())
                .isEqualTo(201);
    }

    JsonNode report(String prefix, int digits) {
        Api.Response response =
                api.get("/api/reports/monitoring?regionCode=" + prefix + "&regionDigits=" + digits, "caseworker");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    static void assertCounts(
            JsonNode r, long households, long people, long underMonitoring, long atRisk, long monitoredPeople) {
        assertThat(r.get("households").asLong())
                .as(r.get("regionCode") + " households")
                .isEqualTo(households);
        assertThat(r.get("people").asLong()).as(r.get("regionCode") + " people").isEqualTo(people);
        assertThat(r.get("monitoredHouseholds").asLong())
                .as(r.get("regionCode") + " monitored")
                .isEqualTo(underMonitoring + atRisk);
        assertThat(r.get("monitoredPeople").asLong())
                .as(r.get("regionCode") + " monitored people")
                .isEqualTo(monitoredPeople);
        assertThat(r.get("underMonitoringHouseholds").asLong())
                .as(r.get("regionCode") + " MONITORED")
                .isEqualTo(underMonitoring);
        assertThat(r.get("atRiskHouseholds").asLong())
                .as(r.get("regionCode") + " on watch")
                .isEqualTo(atRisk);
    }

    @Test
    void monitoredHouseholdsCountWithThoseOnWatchAndEachRegionIsFlaggedAboveTenOrBelowThreePercent() {
        // 01: of 5 households (10 people), two MONITORED (one never evaluated: its status is enough) and one
        // LIFTED on watch (5,000 < 6,000); a LIFTED one above the line and a POOR one are not monitored. 60%: HIGH.
        evaluate(register(city + "01", 0, "LIFTED", 5000));
        evaluate(register(city + "01", 1, "LIFTED", 9000));
        evaluate(register(city + "01", 2, "MONITORED", 9000));
        register(city + "01", 3, "MONITORED", 5000);
        evaluate(register(city + "01", 4, "POOR", 3800));
        // 02: three LIFTED households above the line: nobody monitored, LOW.
        for (int n = 0; n < 3; n++) {
            evaluate(register(city + "02", n, "LIFTED", 9000));
        }

        JsonNode report = report(city, 6);

        assertThat(report.get("regions")).hasSize(2);
        JsonNode first = report.get("regions").get(0);
        assertThat(first.get("regionCode").asString()).isEqualTo(city + "01");
        assertCounts(first, 5, 10, 2, 1, 6);
        assertThat(first.get("underMonitoringPeople").asLong()).isEqualTo(4);
        assertThat(first.get("atRiskPeople").asLong()).isEqualTo(2);
        assertThat(first.get("share").decimalValue()).isEqualByComparingTo("0.6");
        assertThat(first.get("flag").asString()).isEqualTo("HIGH");
        JsonNode second = report.get("regions").get(1);
        assertCounts(second, 3, 6, 0, 0, 0);
        assertThat(second.get("flag").asString()).isEqualTo("LOW");
        JsonNode total = report.get("total");
        assertCounts(total, 8, 16, 2, 1, 6);
        assertThat(total.get("share").decimalValue()).isEqualByComparingTo("0.375");
        assertThat(total.get("flag").asString()).isEqualTo("HIGH");

        JsonNode byCity = report(city, 4);
        assertThat(byCity.get("regions")).hasSize(1);
        assertCounts(byCity.get("regions").get(0), 8, 16, 2, 1, 6);
    }

    /**
     * A household on watch that a case worker then registers as MONITORED still carries its watch until it is
     * evaluated again: counted once, as under monitoring. Once evaluated as MONITORED it has no watch (the rule is
     * for LIFTED households) and is still counted. Ten households of two: 2 of 20 people, 10%, is not above 10%.
     */
    @Test
    void aHouseholdOnWatchThatBecomesMonitoredIsCountedOnceBeforeAndAfterItsNextEvaluation() {
        String region = city + "03";
        String watched = register(region, 0, "LIFTED", 5000);
        evaluate(watched);
        for (int n = 1; n < 10; n++) {
            register(region, n, "LIFTED", 9000);
        }
        assertCounts(report(region, 6).get("total"), 10, 20, 0, 1, 2);

        register(region, 0, "MONITORED", 5000);
        JsonNode registered = report(region, 6).get("total");
        assertCounts(registered, 10, 20, 1, 0, 2);
        assertThat(registered.get("share").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(registered.get("flag").isNull()).as("10% is within the band").isTrue();

        evaluate(watched);
        assertThat(api.get("/api/households/" + watched + "/recommendations", "caseworker")
                        .json()
                        .valueStream()
                        .map(r -> r.get("measure").asString()))
                .doesNotContain("MONITORING_WATCH");
        assertCounts(report(region, 6).get("total"), 10, 20, 1, 0, 2);
    }

    @Test
    void badParametersAreNamed() {
        Api.Response response = api.get("/api/reports/monitoring?regionCode=5x&regionDigits=5", "caseworker");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("regionCode", "regionDigits");
    }
}
