package cn.fupin.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration 18 on MySQL/MariaDB: every id column compares byte for byte, and what the case-insensitive schema
 * let the service write under two spellings of one household is realigned, so that the foreign key comes
 * back. A database of its own on the server of the MySQL run (others use the same server at the same time).
 * H2 compared ids exactly all along: skipped there.
 */
@EnabledIf(value = "mysqlRun", disabledReason = "the collations are MySQL's (mvn verify -Pmysql)")
class IdCaseMigrationTests {

    static boolean mysqlRun() {
        return Arrays.asList(System.getProperty("spring.profiles.active", "").split(","))
                .contains("mysql-test");
    }

    String database;
    JdbcTemplate server;
    DriverManagerDataSource db;

    @BeforeEach
    void scratch() {
        String url = Objects.requireNonNullElse(System.getenv("DB_URL"), "jdbc:mysql://127.0.0.1:3306/test");
        String host = url.replaceFirst("(jdbc:mysql://[^/?]+).*", "$1");
        String user = Objects.requireNonNullElse(System.getenv("DB_USER"), "root");
        String password = Objects.requireNonNullElse(System.getenv("DB_PASSWORD"), "");
        database = "fupin_id_case_" + UUID.randomUUID().toString().substring(0, 8);
        server = new JdbcTemplate(new DriverManagerDataSource(host + "/", user, password));
        server.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
        db = new DriverManagerDataSource(host + "/" + database, user, password);
    }

    @AfterEach
    void drop() {
        server.execute("DROP DATABASE IF EXISTS " + database);
    }

    /** The SQL migrations; V11 encrypts stored ID numbers with the service's keys, and there are none here. */
    Flyway flyway(String target) {
        return Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/migration", "classpath:db/vendor/mysql")
                .target(target)
                .load();
    }

    static void household(JdbcTemplate jdbc, String id) {
        jdbc.update("""
                INSERT INTO household (household_id, region_code, status, income_per_capita, housing_grade,
                       safe_drinking_water, road_access, industry_projects, linked_to_enterprise, causes,
                       sudden_hardship, version, updated_at, people)
                VALUES (?, '520102', 'POOR', 3800, 'B', TRUE, TRUE, 0, FALSE, 'ILLNESS', FALSE, 0, NOW(), 1)""", id);
    }

    static void member(JdbcTemplate jdbc, String householdId, int position, String memberId) {
        jdbc.update("""
                INSERT INTO household_member (household_id, position, member_id, id_number_cipher, id_number_hmac,
                       name, relation, sex, birth_date, health, disability_grade, labour_ability, employed,
                       seeking_work, has_skill, schooling, medical_insurance)
                VALUES (?, ?, ?, 'k1:x', ?, 'x', 'HEAD', 'MALE', DATE '1975-01-01', 'HEALTHY', 0, 'NORMAL', FALSE,
                       TRUE, FALSE, 'NONE', TRUE)""", householdId, position, memberId, memberId + "-" + position);
    }

    @Test
    void everyIdColumnComparesExactlyAndRowsUnderAnotherSpellingFollowTheirHousehold() {
        flyway("17").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        // Replaced under another spelling (a PUT or an import of 520102-ABC): the row kept the old spelling,
        // its members (whose ciphertexts are bound to the id) have the new one.
        household(jdbc, "520102-abc");
        member(jdbc, "520102-ABC", 0, "520102-ABC-01");
        // Evaluated under another spelling: its evaluation, ledger and coverage have that one.
        household(jdbc, "520102-def");
        member(jdbc, "520102-def", 0, "m1");
        jdbc.update("""
                INSERT INTO evaluation (evaluation_id, household_id, as_of, ruleset_version, evaluated_at, evaluated_by,
                       household_version, input, result)
                VALUES ('e1', '520102-DEF', DATE '2020-06-30', 'v', NOW(), 'cw', 0, '{}', '[]')""");
        jdbc.update("""
                INSERT INTO recommendation (recommendation_id, household_id, measure, member_id, current_flag, status,
                       rule_name, reason, evaluation_id, ruleset_version, created_at, updated_at, version)
                VALUES ('r1', '520102-DEF', 'HEALTH_FAMILY_DOCTOR', 'm1', 1, 'RECOMMENDED', 'r', 'why', 'e1', 'v',
                       NOW(), NOW(), 0)""");
        jdbc.update("INSERT INTO household_coverage VALUES ('520102-DEF', '520102', 'HEALTH', 1, 0)");
        jdbc.update("INSERT INTO household_evaluated VALUES ('520102-Def', '520102', 'v', NOW())");

        flyway("latest").migrate();

        assertThat(jdbc.queryForList("SELECT household_id FROM household ORDER BY household_id", String.class))
                .containsExactly("520102-ABC", "520102-def");
        for (String table : List.of("evaluation", "recommendation", "household_coverage", "household_evaluated")) {
            assertThat(jdbc.queryForList("SELECT household_id FROM " + table, String.class))
                    .as(table)
                    .containsExactly("520102-def");
        }
        List<Map<String, Object>> notBinary = jdbc.queryForList("""
                SELECT TABLE_NAME, COLUMN_NAME, COLLATION_NAME FROM information_schema.COLUMNS
                 WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME IN ('household_id', 'member_id', 'evaluation_id',
                       'recommendation_id', 'reevaluation_id') AND COLLATION_NAME <> 'utf8mb4_bin'""");
        assertThat(notBinary)
                .as("id columns comparing otherwise than byte for byte")
                .isEmpty();

        // m1 and M1 are two members; a member under another spelling of its household has none.
        member(jdbc, "520102-def", 1, "M1");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM household_member WHERE household_id = '520102-def'"
                                + " AND member_id = 'm1'",
                        Integer.class))
                .isEqualTo(1);
        assertThatThrownBy(() -> member(jdbc, "520102-DEF", 2, "m3"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO recommendation_status_change VALUES ('R1', 0, 'ACCEPTED',"
                        + " NULL, 'cw', NOW())"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
