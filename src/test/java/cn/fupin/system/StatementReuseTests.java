package cn.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.fupin.household.HouseholdJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A write of one row goes through the connection's cached statement: on MySQL/MariaDB a recorded evaluation
 * prepares nothing on the server once the connection has seen its statements (it prepared and closed three
 * statements each time before).
 */
class StatementReuseTests extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theServicesTemplateRunsABatchOfOneAsAnUpdateWithItsExactCount() {
        assertThat(jdbc).isInstanceOf(OneRowBatchJdbcTemplate.class);
        jdbc.execute("CREATE TABLE IF NOT EXISTS statement_reuse_probe (id INT PRIMARY KEY, n INT NOT NULL)");
        try {
            jdbc.update("INSERT INTO statement_reuse_probe VALUES (1, 0), (2, 0)");
            assertThat(jdbc.batchUpdate(
                            "UPDATE statement_reuse_probe SET n = n + 1 WHERE id = ?",
                            List.<Object[]>of(new Object[] {1})))
                    .containsExactly(1);
            assertThat(jdbc.batchUpdate(
                            "UPDATE statement_reuse_probe SET n = n + 1 WHERE id = ?",
                            List.<Object[]>of(new Object[] {3})))
                    .containsExactly(0);
            assertThat(jdbc.queryForObject("SELECT SUM(n) FROM statement_reuse_probe", Integer.class))
                    .isEqualTo(1);
        } finally {
            jdbc.execute("DROP TABLE statement_reuse_probe");
        }
    }

    @Test
    void recordedEvaluationsPrepareNothingOnTheServerOnceWarm() {
        assumeTrue(
                environment.getProperty("spring.datasource.url", "").startsWith("jdbc:mysql:"),
                "server-side prepared statements are MySQL's");
        String id = "520102-SR0001";
        assertThat(api.put("/api/households/" + id, "caseworker", HouseholdJson.household(id), null)
                        .status())
                .isIn(200, 201);
        for (int n = 0; n < 40; n++) { // every pooled connection sees the statements once
            evaluate(id);
        }
        long before = prepared();
        for (int n = 0; n < 20; n++) {
            evaluate(id);
        }
        assertThat(prepared() - before)
                .as("statements prepared on the server by 20 recorded evaluations")
                .isLessThan(20);
    }

    private void evaluate(String id) {
        Api.Response response = api.post("/api/households/" + id + "/evaluations?asOf=2020-06-30", "caseworker", "");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private long prepared() {
        return jdbc.queryForObject("SHOW GLOBAL STATUS LIKE 'Com_stmt_prepare'", (rs, n) -> rs.getLong(2));
    }
}
