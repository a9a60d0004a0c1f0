package cn.fupin.system.grants;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sql/grants/mysql-app-user.sql as the jar carries it (db/grants): the statements an administrator runs, and
 * the privileges they give on each table. Read from the file itself, so that the tests check what ships.
 */
final class GrantsFile {

    /** The account the file is written for. */
    static final String ACCOUNT = "'fupin_app'@'%'";

    private static final Pattern GRANT = Pattern.compile("GRANT (.+) ON (\\w+) TO " + Pattern.quote(ACCOUNT));

    /**
     * What the service needs: every table read and written but the audit trail, which it reads and appends to,
     * and the row saying from where the trail is keyed, which it only reads.
     */
    static final Set<String> READ_WRITE = Set.of("SELECT", "INSERT", "UPDATE", "DELETE");

    static final Set<String> APPEND_ONLY = Set.of("SELECT", "INSERT");
    static final Set<String> READ_ONLY = Set.of("SELECT");

    private GrantsFile() {}

    /**
     * The privileges the service's account needs on these tables of a migrated schema. Flyway's history is not
     * among them: the migrations run as the schema's owner (spring.flyway.user), never as the service's account.
     */
    static Map<String, Set<String>> needed(List<String> tables) {
        Map<String, Set<String>> needed = new TreeMap<>();
        for (String table : tables) {
            String name = table.toLowerCase(Locale.ROOT);
            if (!name.equals("flyway_schema_history")) {
                needed.put(
                        name,
                        new TreeSet<>(
                                switch (name) {
                                    case "audit_event",
                                            "evaluation_result",
                                            "evaluation_repeat",
                                            "household_snapshot" -> APPEND_ONLY;
                                    // The view of a run's evaluations (sql/V26) is only read.
                                    case "audit_chain", "run_evaluation" -> READ_ONLY;
                                    default -> READ_WRITE;
                                }));
            }
        }
        return needed;
    }

    /** The file's GRANT statements, for another account (e.g. 'fupin_app_test'@'%'). */
    static List<String> statementsFor(String account) {
        return grants().stream().map(grant -> grant.replace(ACCOUNT, account)).toList();
    }

    /** Table (lower case) to the privileges the file gives on it. */
    static Map<String, Set<String>> privileges() {
        Map<String, Set<String>> tables = new TreeMap<>();
        for (String grant : grants()) {
            Matcher m = GRANT.matcher(grant);
            if (!m.matches()) {
                throw new IllegalStateException("not a table grant to " + ACCOUNT + ": " + grant);
            }
            tables.computeIfAbsent(m.group(2).toLowerCase(Locale.ROOT), t -> new TreeSet<>())
                    .addAll(Arrays.stream(m.group(1).split(","))
                            .map(String::trim)
                            .toList());
        }
        return tables;
    }

    private static List<String> grants() {
        try (InputStream in = GrantsFile.class.getResourceAsStream("/db/grants/mysql-app-user.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> line.startsWith("GRANT"))
                    .map(line -> line.replaceAll(";\\s*$", ""))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
