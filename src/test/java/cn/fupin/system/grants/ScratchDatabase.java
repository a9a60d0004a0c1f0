package cn.fupin.system.grants;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database and an account of their own on the MariaDB server of the MySQL run (mvn verify -Pmysql: DB_URL,
 * DB_USER and DB_PASSWORD, as application-mysql-test.yaml reads them). Named per instance: others run tests on
 * the same server at the same time, and the test database of the run is not to be touched.
 */
final class ScratchDatabase {

    private static final Pattern SERVER = Pattern.compile("(jdbc:mysql://[^/?]+).*");

    final String database;
    /** The service's account, as src/docs/operations.md creates it: '%', so that it matches a TCP connection from anywhere. */
    final String user;

    final String account;
    final String password;
    private final String server;
    private final String rootUser;
    private final String rootPassword;

    private ScratchDatabase(String server, String rootUser, String rootPassword) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        this.database = "fupin_least_privilege_" + run;
        this.user = "fupin_app_" + run;
        this.account = "'" + user + "'@'%'";
        this.password = "lp-" + run + "-pw";
        this.server = server;
        this.rootUser = rootUser;
        this.rootPassword = rootPassword;
    }

    /** True in the MySQL run: its profiles are set as a system property by the pom's profile `mysql`. */
    static boolean mysqlRun() {
        return Arrays.asList(System.getProperty("spring.profiles.active", "").split(","))
                .contains("mysql-test");
    }

    /** Creates the database (empty) and the account (with no privileges yet). */
    static ScratchDatabase create() {
        String url = Objects.requireNonNullElse(System.getenv("DB_URL"), "jdbc:mysql://127.0.0.1:3306/test");
        Matcher m = SERVER.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("not a MySQL URL: " + url);
        }
        ScratchDatabase scratch = new ScratchDatabase(
                m.group(1),
                Objects.requireNonNullElse(System.getenv("DB_USER"), "root"),
                Objects.requireNonNullElse(System.getenv("DB_PASSWORD"), ""));
        JdbcTemplate server = scratch.server();
        try {
            server.execute("CREATE DATABASE " + scratch.database + " CHARACTER SET utf8mb4");
            server.execute("CREATE USER " + scratch.account + " IDENTIFIED BY '" + scratch.password + "'");
        } catch (RuntimeException e) {
            scratch.drop(); // nobody else knows its name
            throw e;
        }
        return scratch;
    }

    String url() {
        return server + "/" + database;
    }

    /** The administrator (the run's own account) in this database. */
    JdbcTemplate asRoot() {
        return new JdbcTemplate(new DriverManagerDataSource(url(), rootUser, rootPassword));
    }

    /** The service's account in this database. */
    Connection asAccount() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    /**
     * Settings of the service (or of a command) in the mysql profile on this database as this user, with Flyway
     * as the administrator, as src/docs/operations.md sets it up; users of its own (demo passwords are refused here).
     */
    List<String> settings(String username, String userPassword) {
        return List.of(
                "--spring.profiles.active=mysql",
                "--spring.datasource.url=" + url(),
                "--spring.datasource.username=" + username,
                "--spring.datasource.password=" + userPassword,
                "--spring.flyway.user=" + rootUser,
                "--spring.flyway.password=" + rootPassword,
                "--app.security.users.caseworker.password={noop}lp-caseworker",
                "--app.security.users.caseworker.roles=CASEWORKER",
                "--app.security.users.policy.password={noop}lp-policy",
                "--app.security.users.policy.roles=POLICY,CASEWORKER",
                "--app.security.users.admin.password={noop}lp-admin",
                "--app.security.users.admin.roles=ADMIN,POLICY,CASEWORKER");
    }

    List<String> settingsAsRoot() {
        return settings(rootUser, rootPassword);
    }

    List<String> settingsAsAccount() {
        return settings(user, password);
    }

    /** Drops the database and the account; either may be missing if the set-up stopped half-way. */
    void drop() {
        JdbcTemplate server = server();
        server.execute("DROP DATABASE IF EXISTS " + database);
        server.execute("DROP USER IF EXISTS " + account);
    }

    private JdbcTemplate server() {
        return new JdbcTemplate(new DriverManagerDataSource(server + "/", rootUser, rootPassword));
    }
}
