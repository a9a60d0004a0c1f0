package cn.fupin.reevaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.system.ApiTestBase;
import cn.fupin.system.Ids;
import cn.fupin.system.audit.AuditTrail;
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

    @Autowired
    RunAuditCheck auditCheck;

    @Autowired
    AuditTrail audit;

    @Test
    void aRunOverAnotherRegionIsNotFoundAndALargerOneIsSeenButNotStoppedFromACounty() {
        ReevaluationFixture fixture = new ReevaluationFixture(api).register(3, LocalDate.parse("2020-06-30"));
        String county = "policy-" + UUID.randomUUID().toString().substring(0, 8);
        api.createUser(county, fixture.region, "POLICY");
        String elsewhere = "policy-" + UUID.randomUUID().toString().substring(0, 8);
        api.createUser(elsewhere, "5101", "POLICY");
        String id = fixture.start(ReevaluationFixture.body(
                "asOf", "2020-06-30", "regionCode", fixture.region.substring(0, 4), "dryRun", true));
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
    void aRealRunAuditsWhatItRecordsChunkByChunkInTheNameOfWhoStartedIt() {
        ReevaluationFixture fixture = new ReevaluationFixture(api).register(3, LocalDate.parse("2020-06-30"));
        String id = fixture.start(ReevaluationFixture.body("asOf", "2020-06-30", "regionCode", fixture.region));
        JsonNode end = fixture.await(id);
        assertThat(end.get("state").asString()).isEqualTo("COMPLETED");
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT username, household_id, detail FROM audit_event WHERE action = 'EVALUATION_RECORD' "
                        + "AND detail LIKE ?",
                "run " + id + " %");
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).containsEntry("username", "policy"));
        assertThat(rows.stream()
                        .mapToInt(row ->
                                Integer.parseInt(row.get("detail").toString().split(" ")[3]))
                        .sum())
                .isEqualTo(fixture.households.size());

        JsonNode check =
                api.get("/api/reevaluations/" + id + "/audit", "policy").json();
        assertThat(check.get("intact").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("evaluations").asLong()).isEqualTo(fixture.households.size());
        assertThat(check.get("audited").asLong()).isEqualTo(fixture.households.size());

        // An evaluation row said to have read another version, or one gone, no longer matches its audit row.
        String one = fixture.households.keySet().iterator().next();
        jdbc.update(
                "UPDATE evaluation SET household_version = household_version + 1 WHERE reevaluation_id = ? "
                        + "AND household_id = ?",
                id,
                one);
        check = api.get("/api/reevaluations/" + id + "/audit", "policy").json();
        assertThat(check.get("intact").asBoolean()).isFalse();
        assertThat(check.get("problem").asString()).contains("digest");
        jdbc.update("DELETE FROM evaluation WHERE reevaluation_id = ? AND household_id = ?", id, one);
        check = api.get("/api/reevaluations/" + id + "/audit", "policy").json();
        assertThat(check.get("intact").asBoolean()).isFalse();
        assertThat(check.get("evaluations").asLong()).isEqualTo(fixture.households.size() - 1);
    }

    @Test
    void aRunAuditedARowPerHouseholdBeforeChunksIsCheckedByItsHouseholds() {
        ReevaluationFixture fixture = new ReevaluationFixture(api).register(3, LocalDate.parse("2020-06-30"));
        String done = fixture.start(ReevaluationFixture.body("asOf", "2020-06-30", "regionCode", fixture.region));
        fixture.await(done);
        // The same evaluations, as an older run recorded them: under another run, audited a row per household.
        String older = Ids.next();
        List<String> households = List.copyOf(fixture.households.keySet());
        jdbc.update("""
                INSERT INTO evaluation (evaluation_id, household_id, as_of, ruleset_version, evaluated_at, evaluated_by,
                       household_version, result_no, reevaluation_id)
                SELECT CONCAT(SUBSTRING(?, 1, 24), SUBSTRING(evaluation_id, 25, 12)), household_id, as_of,
                       ruleset_version, evaluated_at, evaluated_by, household_version, result_no, ?
                  FROM evaluation WHERE reevaluation_id = ?""", older, older, done);
        audit.recordAll(
                new AuditTrail.Actor("policy", "re-evaluation"),
                "EVALUATION_RECORD",
                households.subList(0, households.size() - 1),
                "RECORDED",
                "re-evaluation " + older);
        RunAuditCheck.Outcome partly = auditCheck.check(older);
        assertThat(partly.intact()).isFalse();
        assertThat(partly.problem()).contains("one per household");
        audit.recordAll(
                new AuditTrail.Actor("policy", "re-evaluation"),
                "EVALUATION_RECORD",
                households.subList(households.size() - 1, households.size()),
                "RECORDED",
                "re-evaluation " + older);
        assertThat(auditCheck.check(older).intact()).isTrue();
    }
}
