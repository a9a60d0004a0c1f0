package cn.fupin.system.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserAccountTests {

    static UserAccount lockedUntil(Instant until) {
        Instant t = Instant.parse("2020-06-30T00:00:00Z");
        return new UserAccount("u", "{bcrypt}x", List.of(Role.CASEWORKER), "52", true, 0, until, t, t);
    }

    @Test
    void aLockHoldsUntilItsEndAndNotAfter() {
        Instant end = Instant.parse("2020-06-30T00:15:00Z");
        assertThat(lockedUntil(end).lockedAt(end.minusSeconds(1))).isTrue();
        assertThat(lockedUntil(end).lockedAt(end)).isFalse();
        assertThat(lockedUntil(null).lockedAt(end)).isFalse();
    }

    @Test
    void theHashNeverShowsInText() {
        assertThat(lockedUntil(null).toString()).doesNotContain("bcrypt");
    }
}
