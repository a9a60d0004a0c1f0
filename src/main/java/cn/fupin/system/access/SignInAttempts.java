package cn.fupin.system.access;

import cn.fupin.system.audit.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Five failed sign-ins in a row lock an account for 15 minutes (both configurable): password guessing gets
 * five tries a quarter hour. A locked account is refused before its password is even checked, and a
 * successful sign-in starts the count again. Every full check of a password leaves a row in the audit trail
 * ({@code SIGN_IN} OK or BAD_CREDENTIALS, with the name as typed, never the password), and the failure that
 * locks an account one more ({@code ACCOUNT_LOCKED}); refusals before the check are {@link SignInRefusals}'.
 */
@Component
public class SignInAttempts {

    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int limit;
    private final Duration lockFor;

    SignInAttempts(
            UserAccounts accounts,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${app.security.lockout.failures:5}") int limit,
            @Value("${app.security.lockout.duration:15m}") Duration lockFor) {
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.limit = limit;
        this.lockFor = lockFor;
    }

    public void failed(String username) {
        audit.recordAccount(username, "SIGN_IN", "BAD_CREDENTIALS", null);
        Instant until = clock.instant().plus(lockFor);
        if (accounts.signInFailed(username, limit, until)) {
            audit.recordAccount(
                    username,
                    "ACCOUNT_LOCKED",
                    "LOCKED",
                    "after " + limit + " failed sign-ins in a row, until " + until);
        }
        events.publishEvent(new AccountChanged(username));
    }

    /** A password checked in full and right (a remembered one is not checked again: see VerifiedCredentials). */
    public void succeeded(String username) {
        accounts.signedIn(username);
        audit.recordAccount(username, "SIGN_IN", "OK", null);
    }
}
