package cn.fupin.system.grants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fupin.FupinApplication;
import cn.fupin.household.HouseholdJson;
import cn.fupin.household.ResidentIdNumber;
import cn.fupin.household.Sex;
import cn.fupin.system.Api;
import cn.fupin.system.audit.AuditCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service run as its own MySQL/MariaDB account, set up as src/docs/operations.md says: the schema migrated by the
 * administrator, then sql/grants/mysql-app-user.sql applied as written but for the account's name, then the
 * service started as that account (Flyway as the administrator). A database and an account of its own, so that
 * the account has the grants of the file and nothing else. (H2 has no accounts to speak of: skipped there, and reported as skipped.)
 */
@EnabledIf(
        value = "cn.fupin.system.grants.ScratchDatabase#mysqlRun",
        disabledReason = "accounts and grants are MySQL's (mvn verify -Pmysql)")
class LeastPrivilegeTests {

    /** MariaDB refuses a statement the account has no privilege for with this code (ER_TABLEACCESS_DENIED_ERROR). */
    static final int TABLE_ACCESS_DENIED = 1142;

    static ScratchDatabase scratch;

    @BeforeAll
    static void migrateAsTheAdministratorAndGrant() {
        scratch = ScratchDatabase.create();
        // The administrator migrates: `audit verify` as the owner brings the schema to this release and checks
        // the (empty) trail, without serving. The grants can only come after: MariaDB grants on tables that exist.
        assertThat(auditVerify(scratch.settingsAsRoot())).startsWith("audit trail intact: 0 rows");
        JdbcTemplate root = scratch.asRoot();
        GrantsFile.statementsFor(scratch.account).forEach(root::execute);
    }

    @AfterAll
    static void drop() {
        if (scratch != null) {
            scratch.drop();
        }
    }

    @Test
    void theGrantsFileNamesEveryTableOfTheMigratedSchemaAndTheAccountHasNothingElse() {
        JdbcTemplate root = scratch.asRoot();
        List<String> tables = root.queryForList("""
                SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('BASE TABLE', 'VIEW')""", String.class, scratch.database);
        assertThat(tables).contains("quality_finding", "audit_event", "BATCH_JOB_INSTANCE_SEQ");
        Map<String, Set<String>> needed = GrantsFile.needed(tables);
        assertThat(GrantsFile.privileges()).as("sql/grants/mysql-app-user.sql").isEqualTo(needed);

        Map<String, Set<String>> held = new TreeMap<>();
        root.query(
                """
                SELECT LOWER(TABLE_NAME), PRIVILEGE_TYPE FROM information_schema.TABLE_PRIVILEGES
                 WHERE GRANTEE = ? AND TABLE_SCHEMA = ?""",
                rs -> {
                    held.computeIfAbsent(rs.getString(1), t -> new TreeSet<>()).add(rs.getString(2));
                },
                scratch.account,
                scratch.database);
        assertThat(held)
                .as("what the server holds for the account after the file")
                .isEqualTo(needed);
        assertThat(root.queryForList(
                        "SELECT PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES WHERE GRANTEE = ?",
                        String.class,
                        scratch.account))
                .as("no privilege on a whole database")
                .isEmpty();
        assertThat(root.queryForList(
                        "SELECT PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = ?",
                        String.class,
                        scratch.account))
                .as("no global privilege")
                .containsExactly("USAGE");
    }

    @Test
    void theServiceAsItsAccountImportsRunsReportsAndVerifiesItsTrail() {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(FupinApplication.class)
                .run(Stream.concat(scratch.settingsAsAccount().stream(), Stream.of("--server.port=0"))
                        .toArray(String[]::new))) {
            Api api = new Api(
                    Integer.parseInt(service.getEnvironment().getProperty("local.server.port")),
                    service.getEnvironment());
            String file = Stream.of(
                            household("520102-LP0001", 1), // nothing to find
                            household("520102-LP0002", 2).put("incomePerCapita", 13000), // POOR above the line
                            twoHeads(household("520102-LP0003", 3)))
                    .map(HouseholdJson.JSON::writeValueAsString)
                    .reduce("", (a, b) -> a + b + "\n");
            Api.Response imported = api.postNdjson("/api/households/import", "caseworker", file);
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            assertThat(imported.json().get("stored").asLong()).isEqualTo(3);

            // A real run: evaluations, recommendations, coverage, the job repository and quality_finding.
            JsonNode run = api.completedRun(Map.of("asOf", "2020-06-30"));
            assertThat(run.get("processed").asLong()).isEqualTo(3);
            assertThat(run.get("findings").asLong()).isEqualTo(2);

            Api.Response report = api.get("/api/reports/quality?regionCode=520102", "caseworker");
            assertThat(report.status()).as(report.body()).isEqualTo(200);
            assertThat(report.json().get("run").get("reevaluationId").asString())
                    .isEqualTo(run.get("reevaluationId").asString());
            assertThat(report.json().get("errors").asLong()).isEqualTo(1);
            assertThat(report.json().get("warnings").asLong()).isEqualTo(1);
            assertThat(report.json().get("householdsWithFindings").asLong()).isEqualTo(2);

            Api.Response verified = api.get("/api/audit/verify", "admin");
            assertThat(verified.status()).as(verified.body()).isEqualTo(200);
            assertThat(verified.json().get("intact").asBoolean())
                    .as(verified.body())
                    .isTrue();
            assertThat(verified.json().get("rows").asLong())
                    .as("the requests above, appended")
                    .isPositive();
        }
        // The command an administrator runs, with the service's own settings.
        assertThat(auditVerify(scratch.settingsAsAccount())).startsWith("audit trail intact: ");
    }

    @Test
    void theAccountAppendsToTheTrailAndReadsItButCanNeitherChangeNorRemoveIt() throws SQLException {
        try (Connection app = scratch.asAccount();
                Statement sql = app.createStatement()) {
            sql.executeQuery("SELECT COUNT(*) FROM audit_event").close();
            app.setAutoCommit(false); // appended, then rolled back: the trail stays a chain for the other test
            assertThat(sql.executeUpdate("""
                    INSERT INTO audit_event (seq, occurred_at, username, remote_addr, action, outcome, previous_hash, hash)
                    VALUES (999999999, 0, 'grants-test', '127.0.0.1', 'GRANTS_TEST', 'OK', REPEAT('0', 64), REPEAT('0', 64))
                    """)).isEqualTo(1);
            app.rollback();
            app.setAutoCommit(true);
            // Refused by the grants, before the triggers could refuse them: the code is that of a missing privilege.
            // TRUNCATE and DROP TRIGGER would get past the triggers: the grants are what stops them.
            for (String statement : List.of(
                    "UPDATE audit_event SET outcome = 'CHANGED'",
                    "DELETE FROM audit_event",
                    "TRUNCATE TABLE audit_event",
                    "DROP TRIGGER audit_event_no_delete",
                    // Moving the keyed chain's start would let forged rows pass as plain SHA-256 ones.
                    "UPDATE audit_chain SET keyed_from = 999999999",
                    "DELETE FROM audit_chain")) {
                assertThatThrownBy(() -> sql.executeUpdate(statement))
                        .as(statement)
                        .isInstanceOfSatisfying(SQLException.class, e -> {
                            assertThat(e.getErrorCode()).as(e.getMessage()).isEqualTo(TABLE_ACCESS_DENIED);
                            assertThat(e.getMessage()).contains("denied");
                        });
            }
        }
    }

    /** {@code audit verify} with these settings: what it printed, once it exited 0. */
    private static String auditVerify(List<String> settings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args =
                Stream.concat(Stream.of("audit", "verify"), settings.stream()).toArray(String[]::new);
        int status = AuditCommand.run(FupinApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isZero();
        return printed;
    }

    /** A household with nothing to find: one head and a child of school age, ID numbers of its own. */
    private static ObjectNode household(String id, int n) {
        ObjectNode h = HouseholdJson.household(id);
        ((ObjectNode) h.get("members").get(0))
                .put("idNumber", ResidentIdNumber.of("520102", LocalDate.parse("1975-01-01"), Sex.MALE, 2 * n));
        ((ObjectNode) h.get("members").get(1))
                .put("relation", "CHILD")
                .put("labourAbility", "NONE")
                .put("seekingWork", false)
                .put("idNumber", ResidentIdNumber.of("520102", LocalDate.parse("2008-03-15"), Sex.FEMALE, 2 * n + 1));
        return h;
    }

    private static ObjectNode twoHeads(ObjectNode h) {
        ((ObjectNode) h.get("members").get(1)).put("relation", "HEAD");
        return h;
    }
}
