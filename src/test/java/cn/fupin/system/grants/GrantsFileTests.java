package cn.fupin.system.grants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The grants file names every table the migrations create, checked on H2 in every build, so that a migration
 * adding a table without its grant fails here and not in production (LeastPrivilegeTests checks the same on
 * MariaDB, where the job repository's id sequences are tables too, and runs the service with the grants).
 */
class GrantsFileTests {

    @Test
    void everyTableTheMigrationsCreateHasItsGrant() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:grants-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/migration", "classpath:db/vendor/h2")
                .load()
                .migrate();
        List<String> tables = new JdbcTemplate(db).queryForList("""
                SELECT TABLE_NAME FROM information_schema.TABLES
                 WHERE TABLE_SCHEMA = 'public' AND TABLE_TYPE IN ('BASE TABLE', 'VIEW')""", String.class);

        assertThat(tables).as("the migrations' tables").contains("household", "audit_event", "flyway_schema_history");
        assertThat(GrantsFile.privileges()).containsAllEntriesOf(GrantsFile.needed(tables));
    }
}
