package cn.fupin.system.access;

import java.time.Instant;
import java.util.List;

/**
 * A user as stored: the password only as a hash ({@code {bcrypt}…}), the roles, the region prefix every
 * household read or write is bounded by ('' = every region), whether the account is enabled, and the sign-in
 * failures in a row with the lock they led to; {@code version} counts the account's changes (not its sign-in
 * failures), so that a sign-in made before a change is known for one.
 */
record UserAccount(
        String username,
        String passwordHash,
        List<Role> roles,
        String regionPrefix,
        boolean enabled,
        int failedSignIns,
        Instant lockedUntil,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** An account as created or changed here: its version is the database's to count. */
    UserAccount(
            String username,
            String passwordHash,
            List<Role> roles,
            String regionPrefix,
            boolean enabled,
            int failedSignIns,
            Instant lockedUntil,
            Instant createdAt,
            Instant updatedAt) {
        this(username, passwordHash, roles, regionPrefix, enabled, failedSignIns, lockedUntil, createdAt, updatedAt, 0);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    @Override
    public String toString() {
        return "UserAccount[" + username + "]"; // never the hash
    }
}
