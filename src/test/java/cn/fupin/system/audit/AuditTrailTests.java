package cn.fupin.system.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fupin.household.HouseholdJson;
import cn.fupin.system.ApiTestBase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every write and every read of personal data leaves a row: who, when, from where, what, and the outcome. */
class AuditTrailTests extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    List<Map<String, Object>> eventsOf(String householdId) {
        return jdbc.queryForList(
                "SELECT username, remote_addr, action, outcome, occurred_at FROM audit_event "
                        + "WHERE household_id = ? ORDER BY seq",
                householdId);
    }

    @Test
    void aWriteAndAReadAreRecordedWithWhoWhereAndOutcome() {
        String id = newHouseholdId();
        api.put("/api/households/" + id, "caseworker", HouseholdJson.household(id), null);
        api.get("/api/households/" + id, "policy");
        List<Map<String, Object>> events = eventsOf(id);
        assertThat(events).hasSize(2);
        assertThat(events.get(0))
                .containsEntry("username", "caseworker")
                .containsEntry("action", "HOUSEHOLD_WRITE")
                .containsEntry("outcome", "CREATED");
        assertThat(events.get(0).get("remote_addr").toString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(events.get(1))
                .containsEntry("username", "policy")
                .containsEntry("action", "HOUSEHOLD_READ")
                .containsEntry("outcome", "OK");
    }

    @Test
    void refusedAttemptsAreRecordedToo() {
        String id = newHouseholdId();
        api.put("/api/households/" + id, "caseworker", HouseholdJson.household(id), null);
        String other = "cw-520199-" + UUID.randomUUID().toString().substring(0, 8);
        api.createUser(other, "520199", "CASEWORKER");
        api.get("/api/households/" + id, other);
        ObjectNode bad = HouseholdJson.household(id);
        bad.put("incomePerCapita", -1);
        api.put("/api/households/" + id, "caseworker", bad, null);
        assertThat(eventsOf(id))
                .extracting(e -> e.get("username") + " " + e.get("action") + " " + e.get("outcome"))
                .containsExactly(
                        "caseworker HOUSEHOLD_WRITE CREATED",
                        other + " HOUSEHOLD_READ NOT_FOUND",
                        "caseworker HOUSEHOLD_WRITE BAD_REQUEST");
    }

    @Test
    void evaluationsStatusMovesAndListsAreRecorded() {
        String id = newHouseholdId();
        api.put("/api/households/" + id, "caseworker", HouseholdJson.household(id), null);
        JsonNode evaluation = api.post("/api/households/" + id + "/evaluations?asOf=2020-06-30", "caseworker", "")
                .json();
        String recommendation =
                evaluation.get("recommendations").get(0).get("recommendationId").asString();
        api.patch(
                "/api/recommendations/" + recommendation,
                "caseworker",
                cn.fupin.system.Api.JSON.createObjectNode().put("status", "ACCEPTED"));
        api.get("/api/households?regionCode=520102&size=200", "caseworker");
        assertThat(eventsOf(id))
                .extracting(e -> e.get("action") + " " + e.get("outcome"))
                .contains("EVALUATION_RECORD RECORDED", "RECOMMENDATION_STATUS ACCEPTED", "HOUSEHOLD_LIST OK");
    }

    @Test
    void theTrailCannotBeChangedOrDeletedThroughTheDatabase() {
        String id = newHouseholdId();
        api.put("/api/households/" + id, "caseworker", HouseholdJson.household(id), null);
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET username = 'nobody' WHERE household_id = ?", id))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE household_id = ?", id))
                .hasStackTraceContaining("append-only");
        assertThat(eventsOf(id)).hasSize(1);
    }

    @Test
    void eachRowCarriesThePreviousRowsHashAndTheChainVerifies() {
        String id = newHouseholdId();
        api.put("/api/households/" + id, "caseworker", HouseholdJson.household(id), null);
        api.get("/api/households/" + id, "caseworker");
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT seq, previous_hash, hash FROM audit_event WHERE household_id = ? ORDER BY seq", id);
        long second = ((Number) rows.get(1).get("seq")).longValue();
        String beforeSecond =
                jdbc.queryForObject("SELECT hash FROM audit_event WHERE seq = ?", String.class, second - 1);
        assertThat(rows.get(1).get("previous_hash")).isEqualTo(beforeSecond);
        JsonNode verified = api.get("/api/audit/verify", "admin").json();
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("rows").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(verified.get("anchoredHeads").asInt())
                .as("anchoring is off in the suite")
                .isZero();
        assertThat(api.get("/api/audit?householdId=" + id, "admin").json()).hasSize(2);
        assertThat(api.get("/api/audit/verify", "caseworker").status()).isEqualTo(403);
    }

    @Test
    void theVerifyCommandChecksTheChainOfTheConfiguredDatabase() {
        String id = newHouseholdId();
        api.put("/api/households/" + id, "caseworker", HouseholdJson.household(id), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = AuditCommand.run(
                cn.fupin.FupinApplication.class,
                new String[] {"audit", "verify", "--spring.main.banner-mode=off", "--logging.level.root=warn"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("audit trail intact");
    }

    @Test
    void anXForwardedForFromAClientThatIsNoConfiguredProxyIsIgnored() {
        // No proxy is trusted by default: a client cannot choose the address the trail records.
        String id = newHouseholdId();
        api.put("/api/households/" + id, "caseworker", HouseholdJson.household(id), null);
        api.send(api.request("/api/households/" + id, "caseworker")
                .header("X-Forwarded-For", "203.0.113.7")
                .GET()
                .build());
        List<Map<String, Object>> events = eventsOf(id);
        assertThat(events.get(1)).containsEntry("action", "HOUSEHOLD_READ");
        assertThat(events.get(1).get("remote_addr").toString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void coverageAndBlindSpotListsLeaveARowPerHouseholdTheyShow() {
        String id = newHouseholdId();
        api.put("/api/households/" + id, "caseworker", HouseholdJson.household(id), null);
        JsonNode page = api.get("/api/reports/blind-spots/never-evaluated?regionCode=520102&size=1000", "caseworker")
                .json();
        List<String> shown = new ArrayList<>();
        page.get("content").forEach(line -> shown.add(line.get("householdId").asString()));
        String csv = api.send(api.request("/api/reports/blind-spots/never-evaluated?regionCode=520102", "caseworker")
                        .header("Accept", "text/csv")
                        .GET()
                        .build())
                .body();
        assertThat(csv).contains(id);
        JsonNode evaluation = api.post("/api/households/" + id + "/evaluations?asOf=2020-06-30", "caseworker", "")
                .json();
        String action = evaluation.get("recommendations").get(0).get("action").asString();
        String targeted = api.send(api.request(
                                "/api/reports/coverage/households?regionCode=520102&list=targeted&action=" + action,
                                "caseworker")
                        .header("Accept", "text/csv")
                        .GET()
                        .build())
                .body();
        assertThat(targeted).contains(id);
        List<String> rows = eventsOf(id).stream()
                .map(e -> e.get("action") + " " + e.get("outcome"))
                .toList();
        assertThat(rows).contains("BLIND_SPOT_LIST OK", "COVERAGE_LIST OK");
        assertThat(rows.stream().filter("BLIND_SPOT_LIST OK"::equals).count())
                .as("the CSV, and the JSON page if it showed the household")
                .isEqualTo(shown.contains(id) ? 2 : 1);
        if (!shown.isEmpty()) {
            assertThat(eventsOf(shown.get(0))).extracting(e -> e.get("action")).contains("BLIND_SPOT_LIST");
        }
    }

    /** The users of the configuration are created at the first start, and the trail says so, as for any other. */
    @Test
    void theConfiguredUsersCreatedAtStartAreInTheTrail() {
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_event WHERE action = 'USER_CREATE' AND username = 'system'"
                                + " AND detail LIKE 'user % from the configuration'",
                        Long.class))
                .isPositive();
    }
}
