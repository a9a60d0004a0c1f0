package cn.fupin.system.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Accounts kept between requests, but only while this instance hears of every change made on any instance:
 * while {@link AccountBroadcast}'s consumer is attached to the broker. Otherwise (a single instance without
 * {@code app.cluster.enabled}, a broker away, a consumer restarting) every request reads its account from the
 * database, which all instances share, as before. What is kept is dropped when its account changes here
 * (after the change commits, so that no request re-reads it before) or is announced as changed by another
 * instance, when the consumer detaches or attaches again (changes announced meanwhile were not heard), and
 * after {@code app.security.account-cache.ttl} at the latest (a change whose announcement the broker
 * refused). Absent accounts are not kept: one created since is found at its first request.
 */
@Component
class KnownAccounts {

    private static final int MAX_ACCOUNTS = 10_000;

    private final Cache<String, UserAccount> kept;
    private volatile boolean hearingChanges;

    KnownAccounts(@Value("${app.security.account-cache.ttl:30s}") Duration ttl) {
        this.kept = Caffeine.newBuilder()
                .maximumSize(MAX_ACCOUNTS)
                .expireAfterWrite(ttl)
                .build();
    }

    /**
     * The account, kept or read by {@code read}. A change announced while it is read waits for the read and
     * then drops what it gave (a synchronous Caffeine cache removes a key only after its load).
     */
    Optional<UserAccount> find(String username, Function<String, Optional<UserAccount>> read) {
        if (!hearingChanges) {
            return read.apply(username);
        }
        return Optional.ofNullable(kept.get(username, name -> read.apply(name).orElse(null)));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void changed(AccountChanged changed) {
        forget(changed.username());
    }

    void forget(String username) {
        kept.invalidate(username);
    }

    /** Whether accounts are kept: changes of every instance are heard. */
    boolean hearing() {
        return hearingChanges;
    }

    /** Changes of every instance are heard from now on: what is kept is read from now on. */
    void startHearing() {
        kept.invalidateAll();
        hearingChanges = true;
    }

    /** Changes may go unheard: accounts are read at every request until {@link #startHearing()}. */
    void stopHearing() {
        hearingChanges = false;
        kept.invalidateAll();
    }
}
