package cn.fupin.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A registry recorded before ID numbers were protected: the evaluation snapshots it holds lose their full
 * numbers in the upgrade (migration 14 masks them, migration 16 takes the masks out). The members' own numbers are encrypted by migration 11, which needs
 * the service's keys and is run by every Spring test on its database.
 */
class UpgradeMigrationTests {

    @Test
    void snapshotsRecordedBeforeTheUpgradeKeepNoIdNumber() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:upgrade-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/migration", "classpath:db/vendor/h2")
                .target("9")
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        String number = ResidentIdNumber.of("520102", LocalDate.of(1975, 1, 1), Sex.MALE, 1);
        String other = ResidentIdNumber.of("520102", LocalDate.of(2008, 3, 15), Sex.FEMALE, 2);
        jdbc.update(
                """
                INSERT INTO evaluation (evaluation_id, household_id, as_of, ruleset_version, evaluated_at, evaluated_by,
                                        household_version, input, result)
                VALUES ('e1', '520102-000123', DATE '2020-06-30', 'sha256:x', TIMESTAMP '2020-06-30 01:00:00', 'cw', 0,
                        ?, '[]')""",
                "{\"householdId\":\"520102-000123\",\"members\":[{\"memberId\":\"m1\",\"idNumber\":\"" + number
                        + "\",\"name\":\"x\"},{\"memberId\":\"m2\",\"idNumber\":\"" + other + "\"}]}");

        Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/migration", "classpath:db/vendor/h2")
                .load()
                .migrate();

        String input = jdbc.queryForObject("SELECT input FROM evaluation WHERE evaluation_id = 'e1'", String.class);
        // Masked by migration 14, then taken out by migration 16: no trace of either number is left.
        assertThat(input)
                .doesNotContain(number)
                .doesNotContain(other)
                .doesNotContain("idNumber")
                .doesNotContain(number.substring(14))
                .doesNotContain(other.substring(14));
        assertThat(HouseholdJson.JSON.readTree(input).get("members")).hasSize(2);
    }
}
