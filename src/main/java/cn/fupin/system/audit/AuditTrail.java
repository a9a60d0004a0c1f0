package cn.fupin.system.audit;

import cn.fupin.system.PersonalData;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records who did what to which household. Inside a transaction the rows are appended just before it
 * commits, so a write and its audit row are stored together or not at all; outside one they are appended at
 * once. The signed-in user and the client's address come from the current request ("system" and "local"
 * for work no request started).
 */
@Service
public class AuditTrail {

    static final String AUDITED = AuditTrail.class.getName() + ".audited";
    static final String HOUSEHOLDS_READ = AuditTrail.class.getName() + ".households";

    private final AuditChain chain;
    private final Clock clock;

    AuditTrail(AuditChain chain, Clock clock) {
        this.chain = chain;
        this.clock = clock;
    }

    /** Who is acting and from where, captured on the request's thread for work that continues elsewhere. */
    public record Actor(String username, String remoteAddr) {}

    /** The current request's user and address ("system", "local" outside a request). */
    public Actor actor() {
        return new Actor(username(), remoteAddr());
    }

    /** One event on one household (or on none: {@code householdId} null). */
    public void record(String action, String householdId, String outcome, String detail) {
        recordAll(
                action, householdId == null ? Collections.singletonList(null) : List.of(householdId), outcome, detail);
    }

    /** One event per household, in the given order. */
    public void recordAll(String action, Collection<String> householdIds, String outcome, String detail) {
        recordAll(actor(), action, householdIds, outcome, detail);
    }

    /** As {@link #recordAll(String, Collection, String, String)}, for an actor captured earlier. */
    public void recordAll(Actor actor, String action, Collection<String> householdIds, String outcome, String detail) {
        List<AuditChain.Entry> entries = new ArrayList<>(householdIds.size());
        for (String householdId : householdIds) {
            // A household id comes from a path a client typed: an ID number there is kept masked.
            entries.add(new AuditChain.Entry(
                    clock.instant(),
                    actor.username(),
                    actor.remoteAddr(),
                    action,
                    PersonalData.redact(householdId),
                    outcome,
                    detail));
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    chain.append(entries);
                }

                @Override
                public void afterCommit() {
                    markAudited(request);
                }
            });
        } else {
            chain.append(entries);
            markAudited(request);
        }
    }

    /**
     * For a streamed answer: a consumer that records each page's households for the current user, at once,
     * before the caller writes the page, so that nothing leaves unaudited (a failed write stops the stream).
     */
    public Consumer<List<String>> beforeEachPage(String action, String detail) {
        Actor actor = actor();
        return householdIds -> recordAll(actor, action, householdIds, "OK", detail);
    }

    /**
     * An event of an account rather than of the request (a sign-in, a lock-out), recorded at once with the
     * name the client gave and the request's address; it does not stand for the request's own audit row.
     * Never pass a password here.
     */
    public void recordAccount(String username, String action, String outcome, String detail) {
        String name = username == null || username.isEmpty() ? "(none)" : bounded(username);
        chain.append(List.of(new AuditChain.Entry(clock.instant(), name, remoteAddr(), action, null, outcome, detail)));
    }

    /**
     * Tells the trail which households a read returned, for the {@link Audited} endpoint serving this request
     * to record one row each when it completes.
     */
    public void read(Collection<String> householdIds) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(HOUSEHOLDS_READ, List.copyOf(householdIds), RequestAttributes.SCOPE_REQUEST);
        }
    }

    private static void markAudited(RequestAttributes request) {
        if (request != null) {
            request.setAttribute(AUDITED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    static String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "system" : auth.getName();
    }

    static String remoteAddr() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            // The client's address, or behind a trusted proxy the one it forwarded (server.forward-headers-strategy).
            return bounded(request.getRemoteAddr());
        }
        return "local";
    }

    /** Cut to the column's 64 characters. */
    private static String bounded(String value) {
        return value.length() > 64 ? value.substring(0, 64) : value;
    }
}
