package cn.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class VerifiedCredentialsTests {

    final AtomicInteger checks = new AtomicInteger();
    /** Accepts only "right", counting every full check. */
    final AuthenticationProvider hashes = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
            checks.incrementAndGet();
            if (!"right".equals(a.getCredentials())) {
                throw new BadCredentialsException("bad");
            }
            return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }
    };

    Instant now = Instant.parse("2020-06-30T00:00:00Z");
    final Clock clock = new Clock() {
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    };
    final List<String> failures = new ArrayList<>();
    /** The account's change count as the database has it; another instance's change moves it. */
    long accountVersion = 0;

    final VerifiedCredentials cache = new VerifiedCredentials(
            hashes, Duration.ofMinutes(5), clock, failures::add, name -> {}, name -> OptionalLong.of(accountVersion));

    static Authentication login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("caseworker", password);
    }

    @Test
    void aVerifiedPasswordIsNotCheckedAgainUntilItExpires() {
        cache.authenticate(login("right"));
        cache.authenticate(login("right"));
        assertThat(checks).hasValue(1);
        now = now.plus(Duration.ofMinutes(6));
        cache.authenticate(login("right"));
        assertThat(checks).hasValue(2);
    }

    @Test
    void anAccountChangedOnAnyInstanceIsCheckedInFullAtItsNextRequest() {
        cache.authenticate(login("right"));
        cache.authenticate(login("right"));
        assertThat(checks).hasValue(1);
        accountVersion++; // say, roles changed by an ADMIN on another instance: no event reaches this one
        cache.authenticate(login("right"));
        assertThat(checks).as("checked again in full").hasValue(2);
        cache.authenticate(login("right"));
        assertThat(checks).as("then remembered again").hasValue(2);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedInFullAndRefused() {
        cache.authenticate(login("right"));
        assertThatThrownBy(() -> cache.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> cache.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);
        assertThat(failures)
                .as("each wrong password counts towards the lock")
                .containsExactly("caseworker", "caseworker");
    }

    @Test
    void aChangedAccountIsCheckedInFullAgain() {
        cache.authenticate(login("right"));
        cache.forget(new cn.fupin.system.access.AccountChanged("caseworker"));
        cache.authenticate(login("right"));
        assertThat(checks).hasValue(2);
    }
}
