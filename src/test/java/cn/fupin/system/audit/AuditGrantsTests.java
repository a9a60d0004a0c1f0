package cn.fupin.system.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import cn.fupin.system.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On MySQL/MariaDB, the service's account as the README sets it up (sql/grants/mysql-app-user.sql) reads and
 * writes the registry but can neither change nor delete the audit trail. (H2 has the triggers only.)
 */
class AuditGrantsTests extends ApiTestBase {

    static final String USER = "fupin_app_test";
    static final String PASSWORD = "grants-test-pw-7";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theServicesAccountCanAppendToTheTrailButNotChangeIt() throws Exception {
        String url = environment.getProperty("spring.datasource.url", "");
        assumeTrue(url.startsWith("jdbc:mysql:"), "grants are MySQL's; H2 relies on its triggers");
        for (String host : List.of("%", "localhost")) {
            String account = "'" + USER + "'@'" + host + "'";
            jdbc.execute("DROP USER IF EXISTS " + account);
            jdbc.execute("CREATE USER " + account + " IDENTIFIED BY '" + PASSWORD + "'");
            for (String grant : grants()) {
                jdbc.execute(grant.replace("'fupin_app'@'%'", account));
            }
        }
        try (Connection app = DriverManager.getConnection(url, USER, PASSWORD); Statement sql = app.createStatement()) {
            sql.executeQuery("SELECT COUNT(*) FROM audit_event").close();
            sql.executeUpdate("UPDATE household SET status = status WHERE 1 = 0");
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE audit_event SET outcome = outcome WHERE 1 = 0"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM audit_event WHERE 1 = 0"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
        }
        List<String> privileges = jdbc.queryForList("""
                SELECT PRIVILEGE_TYPE FROM information_schema.TABLE_PRIVILEGES
                 WHERE GRANTEE = ? AND TABLE_NAME = 'audit_event' ORDER BY PRIVILEGE_TYPE""", String.class,
                "'" + USER + "'@'%'");
        assertThat(privileges).containsExactly("INSERT", "SELECT");
    }

    static List<String> grants() throws IOException {
        try (InputStream in = AuditGrantsTests.class.getResourceAsStream("/db/grants/mysql-app-user.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith("GRANT")).map(line -> line.replaceAll(";\\s*$", "")).toList();
        }
    }
}
