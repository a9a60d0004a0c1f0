package cn.fupin.system.audit;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of the chain tests' own, emptied: an in-memory H2, or in the MySQL run (mvn verify -Pmysql) a
 * database beside the run's own on its MariaDB server ({@code <database>_chain}), since the tests drop the
 * append-only triggers as the schema's owner could.
 */
final class AuditTestDatabase {

    private static final Pattern URL = Pattern.compile("(jdbc:mysql://[^/?]+)/([^?]*).*");

    private AuditTestDatabase() {}

    static boolean mysqlRun() {
        return Arrays.asList(System.getProperty("spring.profiles.active", "").split(","))
                .contains("mysql-test");
    }

    static DataSource create() {
        if (!mysqlRun()) {
            return new DriverManagerDataSource("jdbc:h2:mem:audit-" + UUID.randomUUID()
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
        }
        String url = Objects.requireNonNullElse(System.getenv("DB_URL"), "jdbc:mysql://127.0.0.1:3306/test");
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("not a MySQL URL: " + url);
        }
        return new DriverManagerDataSource(
                m.group(1) + "/" + m.group(2) + "_chain?createDatabaseIfNotExist=true",
                Objects.requireNonNullElse(System.getenv("DB_USER"), "root"),
                Objects.requireNonNullElse(System.getenv("DB_PASSWORD"), ""));
    }

    /** Flyway on the database, emptied first, up to {@code target} ("latest" for every migration). */
    static Flyway flyway(DataSource db, String target) {
        return Flyway.configure()
                .dataSource(db)
                .cleanDisabled(false)
                .target(target)
                .locations("classpath:db/migration", "classpath:db/vendor/" + (mysqlRun() ? "mysql" : "h2"))
                .load();
    }
}
