package cn.fupin.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration 19 fills what the blind spots "edited since evaluation" and "overdue evaluation" read for the
 * households already evaluated: the version of each one's latest evaluation, its version now, and the date
 * its latest evaluation speaks for. On H2, and in the MySQL run also on a database of its own on that server.
 */
class EvaluatedMigrationTests {

    @Test
    void theLatestEvaluationsVersionAndDateAreFilledFromTheRecordedEvaluations() {
        String h2 = "jdbc:h2:mem:v19-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        check(new DriverManagerDataSource(h2), "h2");
        if (Arrays.asList(System.getProperty("spring.profiles.active", "").split(","))
                .contains("mysql-test")) {
            String url = Objects.requireNonNullElse(System.getenv("DB_URL"), "jdbc:mysql://127.0.0.1:3306/test");
            String server = url.replaceFirst("^(jdbc:mysql://[^/?]+).*$", "$1");
            String user = Objects.requireNonNullElse(System.getenv("DB_USER"), "root");
            String password = Objects.requireNonNullElse(System.getenv("DB_PASSWORD"), "");
            String database = "fupin_v19_" + UUID.randomUUID().toString().substring(0, 8);
            JdbcTemplate root = new JdbcTemplate(new DriverManagerDataSource(server + "/", user, password));
            root.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
            try {
                check(new DriverManagerDataSource(server + "/" + database, user, password), "mysql");
            } finally {
                root.execute("DROP DATABASE " + database);
            }
        }
    }

    private static void check(DriverManagerDataSource db, String vendor) {
        // Up to the last migration before 19, whichever that is once the others' migrations are in.
        String before = Arrays.stream(Flyway.configure()
                        .dataSource(db)
                        .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                        .load()
                        .info()
                        .all())
                .map(MigrationInfo::getVersion)
                .filter(v -> v.compareTo(MigrationVersion.fromVersion("19")) < 0)
                .max(MigrationVersion::compareTo)
                .orElseThrow()
                .getVersion();
        Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .target(before)
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        // A: evaluated at version 1, then edited (version 2 now); its later evaluation is the latest.
        // B: its latest evaluation dated ahead of the day it was recorded; not edited since.
        household(jdbc, "520102-a", 2);
        household(jdbc, "520102-b", 0);
        evaluation(jdbc, "ea1", "520102-a", "2020-05-31", "2020-06-01 10:00:00", 0);
        evaluation(jdbc, "ea2", "520102-a", "2020-06-30", "2020-07-01 10:00:00", 1);
        evaluation(jdbc, "eb1", "520102-b", "2021-01-01", "2020-07-01 10:00:00", 0);
        for (String id : new String[] {"520102-a", "520102-b"}) {
            jdbc.update("""
                    INSERT INTO household_evaluated (household_id, region_code, ruleset_version, evaluated_at)
                    SELECT household_id, '520102', ruleset_version, evaluated_at FROM evaluation
                     WHERE seq = (SELECT MAX(seq) FROM evaluation WHERE household_id = ?)""", id);
        }

        Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .load()
                .migrate();

        Map<String, Object> a = row(jdbc, "520102-a");
        assertThat(a.get("household_version")).as(vendor).isEqualTo(1L);
        assertThat(a.get("stored_version")).as(vendor).isEqualTo(2L);
        assertThat(((Date) a.get("evaluated_on")).toLocalDate()).as(vendor).isEqualTo(LocalDate.of(2020, 6, 30));
        Map<String, Object> b = row(jdbc, "520102-b");
        assertThat(b.get("household_version")).as(vendor).isEqualTo(0L);
        assertThat(b.get("stored_version")).as(vendor).isEqualTo(0L);
        assertThat(((Date) b.get("evaluated_on")).toLocalDate()).as(vendor).isEqualTo(LocalDate.of(2020, 7, 1));
    }

    private static void household(JdbcTemplate jdbc, String id, long version) {
        jdbc.update("""
                INSERT INTO household (household_id, region_code, status, income_per_capita, housing_grade,
                       safe_drinking_water, road_access, industry_projects, linked_to_enterprise, causes, primary_cause,
                       sudden_hardship, version, updated_at, people)
                VALUES (?, '520102', 'POOR', 3800, 'B', TRUE, TRUE, 0, FALSE, 'ILLNESS', 'ILLNESS', FALSE, ?,
                        TIMESTAMP '2020-07-02 10:00:00', 2)""", id, version);
    }

    private static void evaluation(
            JdbcTemplate jdbc, String id, String household, String asOf, String at, long householdVersion) {
        jdbc.update("""
                INSERT INTO evaluation (evaluation_id, household_id, as_of, ruleset_version, evaluated_at, evaluated_by,
                                        household_version, input, result)
                VALUES (?, ?, ?, 'sha256:x', ?, 'cw', ?, '{}', '[]')""", id, household, Date.valueOf(asOf), Timestamp.valueOf(at), householdVersion);
    }

    private static Map<String, Object> row(JdbcTemplate jdbc, String id) {
        return jdbc.queryForMap(
                "SELECT household_version, stored_version, evaluated_on FROM household_evaluated "
                        + "WHERE household_id = ?",
                id);
    }
}
