package cn.fupin.system;

import cn.fupin.system.access.AccountChanged;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * HTTP Basic sends the password with every request, and checking a BCrypt hash takes tens of milliseconds
 * by design: far more than evaluating a household. So a successful check is remembered for a short while,
 * under a SHA-256 of the username and password (never the password itself). Failed sign-ins are never
 * remembered, so every wrong password is checked in full, and counted towards the account's lock
 * (SignInAttempts). A remembered check holds the account's change count as it was read before the check,
 * and counts only while the account, read again at each request, still has it: a password, role, region or
 * enabled change made on any instance sends the next request through the full check, which then sees the
 * change. (A change on this instance also forgets the user's checks here at once.)
 */
final class VerifiedCredentials implements AuthenticationProvider {

    private record Verified(Authentication result, Instant until, long accountVersion) {}

    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final Clock clock;
    private final Consumer<String> failed;
    private final Consumer<String> succeeded;
    private final Function<String, OptionalLong> accountVersions;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /**
     * {@code failed} and {@code succeeded} hear of every full check of a username's password;
     * {@code accountVersions} gives an enabled account's change count (empty for no such account or a disabled one).
     */
    VerifiedCredentials(
            AuthenticationProvider delegate,
            Duration ttl,
            Clock clock,
            Consumer<String> failed,
            Consumer<String> succeeded,
            Function<String, OptionalLong> accountVersions) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
        this.failed = failed;
        this.succeeded = succeeded;
        this.accountVersions = accountVersions;
    }

    /** Forgets every remembered sign-in of this user. */
    void forget(AccountChanged changed) {
        verified.values().removeIf(v -> changed.username().equals(v.result().getName()));
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        String key = key(authentication.getName(), password);
        Instant now = clock.instant();
        Verified known = verified.get(key);
        // Read before the full check: a change landing during it leaves this count behind, not the check's answer.
        OptionalLong version = accountVersions.apply(authentication.getName());
        if (known != null && now.isBefore(known.until()) && version.equals(OptionalLong.of(known.accountVersion()))) {
            return known.result();
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (BadCredentialsException e) {
            failed.accept(authentication.getName());
            throw e;
        }
        if (result != null && result.isAuthenticated()) {
            succeeded.accept(result.getName());
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            if (version.isPresent()) {
                verified.put(key, new Verified(result, now.plus(ttl), version.getAsLong()));
            }
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String key(String username, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(username.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return HexFormat.of().formatHex(digest.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
