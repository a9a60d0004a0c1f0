package cn.fupin.policy;

import java.time.Instant;
import java.util.List;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * A compiled, immutable rule set: the knowledge base of its DRL files, its standards, and its version. A
 * request takes one rule set at its start and finishes on it, whatever is activated meanwhile.
 */
public record RuleSet(String version, Instant loadedAt, List<String> files, int ruleCount,
                      KieBase kieBase, KieSessionsPool sessions, StandardsBook standards) {

    /** Sessions are pooled: creating one costs more than evaluating a household in it. */
    static final int POOLED_SESSIONS = 32;

    RuleSet(String version, Instant loadedAt, List<String> files, int ruleCount, KieBase kieBase,
            StandardsBook standards) {
        this(version, loadedAt, files, ruleCount, kieBase, kieBase.newKieSessionsPool(POOLED_SESSIONS), standards);
    }

    /** A session from the pool; {@link KieSession#dispose()} resets it and gives it back. */
    public KieSession newSession() {
        return sessions.newKieSession();
    }
}
