package cn.fupin.system.access;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Five failed sign-ins in a row lock an account for 15 minutes (both configurable): password guessing gets
 * five tries a quarter hour. A locked account is refused before its password is even checked, and a
 * successful sign-in starts the count again.
 */
@Component
public class SignInAttempts {

    private final UserAccounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int limit;
    private final Duration lockFor;

    SignInAttempts(UserAccounts accounts, ApplicationEventPublisher events, Clock clock,
                   @Value("${app.security.lockout.failures:5}") int limit,
                   @Value("${app.security.lockout.duration:15m}") Duration lockFor) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.limit = limit;
        this.lockFor = lockFor;
    }

    public void failed(String username) {
        accounts.signInFailed(username, limit, clock.instant().plus(lockFor));
        events.publishEvent(new AccountChanged(username));
    }

    public void succeeded(String username) {
        accounts.signedIn(username);
    }
}
