package cn.fupin.system;

import java.util.Collection;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.InterruptibleBatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

/**
 * A {@link JdbcTemplate} that runs a batch of one row as a plain update.
 *
 * <p>The writes of the service are batched, so that a bulk run stores a chunk of 500 households in a few
 * multi-row statements. A case worker's evaluation writes the same statements with one row each. On MySQL,
 * Connector/J executes a batch (rewriteBatchedStatements) through a statement it prepares on the server for
 * that batch and closes afterwards: each recorded evaluation paid three prepares and three closes on the
 * server, and parsing the statement took 18 % of the service's CPU in a profile of the recorded-evaluation
 * benchmark. A single row through {@link #update} uses the connection's cached server-side statement instead.
 * Update counts are the driver's exact ones for that row.
 */
public class OneRowBatchJdbcTemplate extends JdbcTemplate {

    public OneRowBatchJdbcTemplate(DataSource dataSource) {
        super(dataSource);
    }

    /** In place of Spring Boot's JdbcTemplate; its NamedParameterJdbcTemplate and Spring Data JDBC use this one. */
    @Configuration(proxyBeanMethods = false)
    static class Configured {

        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new OneRowBatchJdbcTemplate(dataSource);
        }
    }

    @Override
    public int[] batchUpdate(String sql, BatchPreparedStatementSetter rows) {
        if (rows.getBatchSize() == 1 && !(rows instanceof InterruptibleBatchPreparedStatementSetter)) {
            return new int[] {update(sql, ps -> rows.setValues(ps, 0))};
        }
        return super.batchUpdate(sql, rows);
    }

    @Override
    public <T> int[][] batchUpdate(
            String sql, Collection<T> rows, int batchSize, ParameterizedPreparedStatementSetter<T> setter) {
        if (rows.size() == 1) {
            T row = rows.iterator().next();
            return new int[][] {{update(sql, ps -> setter.setValues(ps, row))}};
        }
        return super.batchUpdate(sql, rows, batchSize, setter);
    }
}
