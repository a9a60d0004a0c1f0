package cn.fupin.policy;

import cn.fupin.system.NotFoundException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Any rule set that was once active, by version: the active one, or a stored one compiled again from its
 * files (the last few kept compiled), so that a recorded decision can be reproduced with its own rules.
 */
@Component
public class RuleSetVersions {

    private static final int KEPT = 4;

    private final ActiveRuleSet active;
    private final RuleSetStore store;
    private final RuleSetCompiler compiler;
    private final Map<String, RuleSet> compiled = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
            return size() > KEPT;
        }
    };

    RuleSetVersions(ActiveRuleSet active, RuleSetStore store, Clock clock) {
        this.active = active;
        this.store = store;
        this.compiler = new RuleSetCompiler(clock);
    }

    public RuleSet get(String version) {
        RuleSet current = active.get();
        if (current.version().equals(version)) {
            return current;
        }
        synchronized (compiled) {
            RuleSet ruleSet = compiled.get(version);
            if (ruleSet == null) {
                ruleSet = compiler.compile(store.sources(version)
                        .orElseThrow(() -> new NotFoundException("No stored rule set " + version)));
                compiled.put(version, ruleSet);
            }
            return ruleSet;
        }
    }
}
