package cn.fupin.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.household.HouseholdJson;
import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The blind spots of an evaluation that no longer speaks for the household (不落一户): the household was edited
 * after its last evaluation, or its last evaluation is dated more than a month back (一月一排查; the bound is
 * app.coverage.overdue-after, 31 days by default). Each both ways: flagged, and no longer once evaluated again.
 */
class EvaluationBlindSpotTests extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    final String region =
            "58" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));

    ObjectNode household(int n, int income) {
        return HouseholdJson.household(region + "-" + n)
                .put("regionCode", region)
                .put("incomePerCapita", income);
    }

    void put(ObjectNode h) {
        assertThat(api.put("/api/households/" + h.get("householdId").asString(), "caseworker", h, null)
                        .status())
                .isIn(200, 201);
    }

    void evaluate(String id, String asOf) {
        assertThat(api.post(
                                "/api/households/" + id + "/evaluations" + (asOf == null ? "" : "?asOf=" + asOf),
                                "caseworker",
                                "")
                        .status())
                .isEqualTo(201);
    }

    JsonNode spots() {
        return api.get("/api/reports/coverage?regionCode=" + region, "caseworker")
                .json()
                .get("blindSpots");
    }

    /** The households listed for a blind spot, as JSON and as CSV (which must agree). */
    List<String> listed(String kind) {
        JsonNode page = api.get(
                        "/api/reports/blind-spots/" + kind + "?regionCode=" + region + "&size=100", "caseworker")
                .json();
        List<String> ids = page.get("content")
                .valueStream()
                .map(l -> l.get("householdId").asString())
                .toList();
        assertThat(page.get("totalElements").asLong()).isEqualTo(ids.size());
        Api.Response csv =
                api.send(api.request("/api/reports/blind-spots/" + kind + "?regionCode=" + region, "caseworker")
                        .header("Accept", "text/csv")
                        .GET()
                        .build());
        assertThat(csv.body()
                        .lines()
                        .skip(1)
                        .map(l -> l.substring(0, l.indexOf(',')))
                        .toList())
                .isEqualTo(ids);
        return ids;
    }

    void assertEdited(String... ids) {
        assertThat(spots().get("editedSinceEvaluation").asLong()).isEqualTo(ids.length);
        assertThat(listed("edited-since-evaluation")).containsExactly(ids);
    }

    void assertOverdue(String... ids) {
        assertThat(spots().get("overdueEvaluation").asLong()).isEqualTo(ids.length);
        assertThat(listed("overdue-evaluation")).containsExactly(ids);
    }

    @Test
    void aHouseholdEditedAfterItsLastEvaluationIsFlaggedUntilItIsEvaluatedAgainByAnyPath() {
        ObjectNode a = household(0, 3800);
        ObjectNode b = household(1, 3800);
        String idA = a.get("householdId").asString();
        put(a);
        put(b);
        evaluate(idA, null);
        assertEdited();

        // Edited through PUT: flagged. B was edited too, but it was never evaluated: that is its blind spot.
        put(a.put("incomePerCapita", 4200));
        put(b.put("incomePerCapita", 4200));
        assertEdited(idA);
        assertThat(listed("never-evaluated"))
                .containsExactly(b.get("householdId").asString());

        evaluate(idA, null);
        assertEdited();

        // Edited through the import: flagged; a bulk run over the region evaluates both again.
        Api.Response imported = api.postNdjson(
                "/api/households/import",
                "caseworker",
                a.put("incomePerCapita", 4300).toString() + "\n");
        assertThat(imported.json().get("stored").asLong()).isEqualTo(1);
        assertEdited(idA);
        api.completedRun(Map.of("regionCode", region));
        assertEdited();
        assertThat(listed("never-evaluated")).isEmpty();
    }

    @Test
    void aHouseholdLastEvaluatedMoreThanAMonthBackIsFlaggedUntilItIsEvaluatedForARecentDate() {
        JsonNode report = api.get("/api/reports/coverage?regionCode=" + region, "caseworker")
                .json();
        LocalDate before = LocalDate.parse(report.get("overdueBefore").asString());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(before).as("31 days back by default").isIn(today.minusDays(31), today.minusDays(30));

        String old = household(0, 3800).get("householdId").asString();
        String edge = household(1, 3800).get("householdId").asString();
        String ahead = household(2, 3800).get("householdId").asString();
        String year2020 = household(3, 3800).get("householdId").asString();
        List.of(household(0, 3800), household(1, 3800), household(2, 3800), household(3, 3800))
                .forEach(this::put);
        evaluate(old, before.minusDays(1).toString());
        evaluate(edge, before.toString());
        evaluate(ahead, before.plusYears(2).toString());
        evaluate(year2020, "2020-06-30");

        // Dated a day before the bound, or in 2020: overdue; dated on the bound: not yet. An evaluation dated
        // ahead speaks for the household as recorded on the day it ran, not for the day it is dated.
        assertOverdue(old, year2020);
        assertThat(jdbc.queryForObject(
                                "SELECT evaluated_on FROM household_evaluated WHERE household_id = ?",
                                Date.class,
                                ahead)
                        .toLocalDate())
                .isIn(today, today.plusDays(1));

        evaluate(old, null);
        evaluate(year2020, before.plusDays(10).toString());
        assertOverdue();
        assertThat(spots().get("staleEvaluation").asLong())
                .as("the rule set is still the active one")
                .isZero();
    }
}
