package cn.fupin.system.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.household.HouseholdJson;
import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A read's audit row is stored before its data leaves: while the trail cannot take a row (its head locked by
 * another transaction, so that every append waits out the lock timeout and fails), reads answer 500 or 503
 * problem+json and send none of the household.
 */
class AuditedReadTests extends ApiTestBase {

    @DynamicPropertySource
    static void shortLockWaits(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.hikari.connection-init-sql",
                () -> AuditTestDatabase.mysqlRun()
                        ? "SET SESSION innodb_lock_wait_timeout = 2"
                        : "SET LOCK_TIMEOUT 2000");
    }

    @Autowired
    DataSource dataSource;

    @Test
    void noReadSendsItsDataWhenItsAuditRowCannotBeStored() throws Exception {
        String id = newHouseholdId();
        assertThat(api.put("/api/households/" + id, "caseworker", HouseholdJson.household(id), null)
                        .status())
                .isEqualTo(201); // signed in: the password is remembered, so no sign-in row is needed below
        assertThat(api.get("/api/households/" + id, "caseworker").body()).contains("incomePerCapita");
        try (Connection holder = dataSource.getConnection();
                Statement sql = holder.createStatement()) {
            holder.setAutoCommit(false);
            sql.executeQuery("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE")
                    .close();
            try {
                for (String path : new String[] {
                    "/api/households/" + id,
                    "/api/households/" + id + "/card",
                    "/api/households?regionCode=520102&size=5",
                    "/api/reports/blind-spots/never-evaluated?regionCode=520102"
                }) {
                    Api.Response answer = api.get(path, "caseworker");
                    assertThat(answer.status()).as(path + ": " + answer.body()).isIn(500, 503);
                    assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
                    assertThat(answer.body())
                            .as(path)
                            .doesNotContain("incomePerCapita")
                            .doesNotContain("members")
                            .doesNotContain("\"content\"")
                            .doesNotContain("明白卡");
                }
                Api.Response export = api.get("/api/households/export?regionCode=520102", "caseworker");
                assertThat(export.body()).as("export").doesNotContain("incomePerCapita");
            } finally {
                holder.rollback();
            }
        }
        assertThat(api.get("/api/households/" + id, "caseworker").status())
                .as("once the trail takes rows again")
                .isEqualTo(200);
    }
}
