package cn.fupin.system.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code app_user} table. Times are epoch milliseconds. */
@Repository
class UserAccounts {

    private final JdbcTemplate jdbc;

    UserAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> find(String username) {
        return jdbc.query("SELECT * FROM app_user WHERE username = ?", UserAccounts::row, username).stream()
                .findFirst();
    }

    List<UserAccount> all() {
        return jdbc.query("SELECT * FROM app_user ORDER BY username", UserAccounts::row);
    }

    long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Long.class);
        return n == null ? 0 : n;
    }

    /** Inserts the account; false if the username is taken. */
    boolean create(UserAccount a) {
        if (find(a.username()).isPresent()) {
            return false;
        }
        try {
            jdbc.update(
                    """
                    INSERT INTO app_user (username, password_hash, roles, region_prefix, enabled, failed_sign_ins,
                                          locked_until, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, 0, NULL, ?, ?)""",
                    a.username(),
                    a.passwordHash(),
                    roles(a.roles()),
                    a.regionPrefix(),
                    a.enabled(),
                    a.createdAt().toEpochMilli(),
                    a.updatedAt().toEpochMilli());
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    void update(UserAccount a) {
        jdbc.update(
                """
                UPDATE app_user SET password_hash = ?, roles = ?, region_prefix = ?, enabled = ?, failed_sign_ins = ?,
                       locked_until = ?, updated_at = ?, account_version = account_version + 1
                 WHERE username = ?""",
                a.passwordHash(),
                roles(a.roles()),
                a.regionPrefix(),
                a.enabled(),
                a.failedSignIns(),
                a.lockedUntil() == null ? null : a.lockedUntil().toEpochMilli(),
                a.updatedAt().toEpochMilli(),
                a.username());
    }

    /**
     * Counts a failed sign-in; the {@code limit}-th in a row locks the account until {@code lockUntil}. One
     * statement, so concurrent failures are all counted. True when this failure locked the account (of
     * concurrent ones, only the one whose reset finds the count at the limit).
     */
    boolean signInFailed(String username, int limit, Instant lockUntil) {
        // locked_until first: MySQL evaluates the assignments of an UPDATE left to right, each seeing the ones
        // before it, where H2 (and standard SQL) lets every one see the row as it was.
        jdbc.update("""
                UPDATE app_user SET locked_until = CASE WHEN failed_sign_ins + 1 >= ? THEN ? ELSE locked_until END,
                       failed_sign_ins = failed_sign_ins + 1
                 WHERE username = ?""", limit, lockUntil.toEpochMilli(), username);
        return jdbc.update(
                        "UPDATE app_user SET failed_sign_ins = 0 WHERE username = ? AND failed_sign_ins >= ?",
                        username,
                        limit)
                > 0;
    }

    void signedIn(String username) {
        jdbc.update("UPDATE app_user SET failed_sign_ins = 0 WHERE username = ? AND failed_sign_ins > 0", username);
    }

    private static String roles(List<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.joining(","));
    }

    private static UserAccount row(ResultSet rs, int n) throws SQLException {
        long locked = rs.getLong("locked_until");
        Instant lockedUntil = rs.wasNull() ? null : Instant.ofEpochMilli(locked);
        List<Role> roles = Arrays.stream(rs.getString("roles").split(","))
                .filter(r -> !r.isBlank())
                .map(Role::valueOf)
                .toList();
        return new UserAccount(
                rs.getString("username"),
                rs.getString("password_hash"),
                roles,
                rs.getString("region_prefix"),
                rs.getBoolean("enabled"),
                rs.getInt("failed_sign_ins"),
                lockedUntil,
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                rs.getLong("account_version"));
    }
}
