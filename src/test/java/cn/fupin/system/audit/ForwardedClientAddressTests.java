package cn.fupin.system.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.household.HouseholdJson;
import cn.fupin.system.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a reverse proxy configured as trusted (here: the loopback address the test connects from), the
 * audit trail records the client's address the proxy forwarded, not the proxy's.
 */
@TestPropertySource(properties = "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1")
class ForwardedClientAddressTests extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theAddressATrustedProxyForwardsIsRecorded() {
        String id = newHouseholdId();
        api.put("/api/households/" + id, "caseworker", HouseholdJson.household(id), null);
        // A proxy appends the address it received the request from: the right-most untrusted one is the client.
        assertThat(api.send(api.request("/api/households/" + id, "caseworker")
                                .header("X-Forwarded-For", "198.51.100.9, 203.0.113.7")
                                .GET()
                                .build())
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "SELECT remote_addr FROM audit_event WHERE household_id = ? AND action = " + "'HOUSEHOLD_READ'",
                        String.class,
                        id))
                .isEqualTo("203.0.113.7");
    }
}
