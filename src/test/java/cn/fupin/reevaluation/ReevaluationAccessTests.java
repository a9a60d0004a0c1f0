package cn.fupin.reevaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.system.ApiTestBase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Re-evaluation runs within a user's region: who may follow, stop and resume them; what they write is audited. */
class ReevaluationAccessTests extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRunOverAnotherRegionIsNotFoundAndALargerOneIsSeenButNotStoppedFromACounty() {
        ReevaluationFixture fixture = new ReevaluationFixture(api).register(3, LocalDate.parse("2020-06-30"));
        String county = "policy-" + UUID.randomUUID().toString().substring(0, 8);
        api.createUser(county, fixture.region, "POLICY");
        String elsewhere = "policy-" + UUID.randomUUID().toString().substring(0, 8);
        api.createUser(elsewhere, "5101", "POLICY");
        String id = api.post(
                        "/api/reevaluations",
                        "policy",
                        ReevaluationFixture.body(
                                "asOf", "2020-06-30", "regionCode", fixture.region.substring(0, 4), "dryRun", true))
                .json()
                .get("reevaluationId")
                .asString();
        fixture.await(id);

        assertThat(api.get("/api/reevaluations/" + id, elsewhere).status()).isEqualTo(404);
        assertThat(api.get("/api/reevaluations/" + id + "/changes", elsewhere).status())
                .isEqualTo(404);
        assertThat(api.get("/api/reevaluations", elsewhere).body()).doesNotContain(id);
        assertThat(api.get("/api/reevaluations/" + id, county).status())
                .as("a run covering the county")
                .isEqualTo(200);
        JsonNode changes = api.get("/api/reevaluations/" + id + "/changes?size=1000", county)
                .json()
                .get("content");
        assertThat(changes.valueStream().map(c -> c.get("regionCode").asString()))
                .as("the county's households only")
                .isNotEmpty()
                .allMatch(region -> region.equals(fixture.region));
        assertThat(api.post("/api/reevaluations/" + id + "/resume", county, "").status())
                .isEqualTo(404);
        assertThat(api.post("/api/reevaluations/" + id + "/stop", county, "").status())
                .isEqualTo(404);
    }

    @Test
    void aRealRunAuditsEveryHouseholdItRecordsInTheNameOfWhoStartedIt() {
        ReevaluationFixture fixture = new ReevaluationFixture(api).register(3, LocalDate.parse("2020-06-30"));
        String id = api.post(
                        "/api/reevaluations",
                        "policy",
                        ReevaluationFixture.body("asOf", "2020-06-30", "regionCode", fixture.region))
                .json()
                .get("reevaluationId")
                .asString();
        JsonNode end = fixture.await(id);
        assertThat(end.get("state").asString()).isEqualTo("COMPLETED");
        for (String householdId : fixture.households.keySet()) {
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "SELECT username, detail FROM audit_event "
                            + "WHERE household_id = ? AND action = 'EVALUATION_RECORD'",
                    householdId);
            assertThat(rows).as(householdId).hasSize(1);
            assertThat(rows.get(0)).containsEntry("username", "policy").containsEntry("detail", "re-evaluation " + id);
        }
    }
}
