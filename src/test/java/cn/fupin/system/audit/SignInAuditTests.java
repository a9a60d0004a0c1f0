package cn.fupin.system.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sign-ins, refusals and lock-outs leave rows in the audit trail, with the name but never the password. */
class SignInAuditTests extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    List<String> eventsOf(String username) {
        return jdbc
                .queryForList(
                        "SELECT action, outcome FROM audit_event WHERE username = ? AND action IN "
                                + "('SIGN_IN', 'ACCOUNT_LOCKED') ORDER BY seq",
                        username)
                .stream()
                .map(e -> e.get("action") + " " + e.get("outcome"))
                .toList();
    }

    @Test
    void failedSignInsTheLockAndTheRefusalWhileLockedAreRecorded() {
        String user = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        String password = api.createUser(user, "520102", "CASEWORKER");
        for (int i = 0; i < 5; i++) {
            api.password(user, "wrong-password-" + i);
            assertThat(api.get("/api/me", user).status()).isEqualTo(401);
        }
        api.password(user, password);
        assertThat(api.get("/api/me", user).status()).as("locked").isEqualTo(401);
        assertThat(api.patch(
                                "/api/users/" + user,
                                "admin",
                                Api.JSON.createObjectNode().put("locked", false))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/me", user).status()).isEqualTo(200);
        assertThat(eventsOf(user))
                .containsExactly(
                        "SIGN_IN BAD_CREDENTIALS",
                        "SIGN_IN BAD_CREDENTIALS",
                        "SIGN_IN BAD_CREDENTIALS",
                        "SIGN_IN BAD_CREDENTIALS",
                        "SIGN_IN BAD_CREDENTIALS",
                        "ACCOUNT_LOCKED LOCKED",
                        "SIGN_IN LOCKED",
                        "SIGN_IN OK");
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM audit_event WHERE username = ?", user);
        assertThat(rows.toString()).doesNotContain("wrong-password-").doesNotContain(password);
        assertThat(rows)
                .allSatisfy(r -> assertThat(r.get("remote_addr").toString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1"));
    }

    @Test
    void anUnknownNameAndADisabledAccountAreRecordedToo() {
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        api.password(nobody, "some-password-1");
        assertThat(api.get("/api/me", nobody).status()).isEqualTo(401);
        assertThat(eventsOf(nobody)).containsExactly("SIGN_IN BAD_CREDENTIALS");

        String user = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        api.createUser(user, "520102", "CASEWORKER");
        api.patch("/api/users/" + user, "admin", Api.JSON.createObjectNode().put("enabled", false));
        assertThat(api.get("/api/me", user).status()).isEqualTo(401);
        assertThat(eventsOf(user)).containsExactly("SIGN_IN DISABLED");
    }
}
