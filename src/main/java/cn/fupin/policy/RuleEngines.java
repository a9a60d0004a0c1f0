package cn.fupin.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * The knowledge bases one compile of the rules gives: every rule (a re-evaluation chunk decides measures and
 * checks the records in one pass), the rules that decide measures (a preview, a bulk run, a replay), and the
 * rules that check the records. Each part leaves the other's rules out of its network instead of filtering
 * them at the agenda: a fact inserted for a preview would otherwise be propagated through every quality
 * rule's joins only for their matches to be dropped (the profile of 2026-12-03 in src/bench/profiles.md).
 */
public record RuleEngines(Engine all, Engine decisions, Engine checks) {

    /** A knowledge base and its pool of sessions. */
    public record Engine(KieBase base, KieSessionsPool sessions) {

        /**
         * Sessions are pooled: creating one costs more than evaluating a household in it. The pool starts
         * with a session per processor and grows to as many as run at once.
         */
        static Engine of(KieBase base) {
            return new Engine(base, base.newKieSessionsPool(Runtime.getRuntime().availableProcessors()));
        }

        /** A session from the pool; {@link KieSession#dispose()} resets it and gives it back. */
        public KieSession newSession() {
            return sessions.newKieSession();
        }
    }

    /** @param all the knowledge base of every rule, already built from {@code builder} */
    static RuleEngines of(KnowledgeBuilderImpl builder, KieBase all, Supplier<KieBaseConfiguration> configuration) {
        // The two copies are built side by side: each is a deep copy of the packages and a network of its own,
        // and a reload waits for both (the goal is under a second for the whole reload).
        CompletableFuture<KieBase> checks =
                CompletableFuture.supplyAsync(() -> without(builder, configuration, RuleMetadata.MEASURE));
        KieBase decisions = without(builder, configuration, RuleMetadata.FINDING);
        try {
            return new RuleEngines(Engine.of(all), Engine.of(decisions), Engine.of(checks.join()));
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * A knowledge base without the rules carrying {@code leftOut} metadata, and without the definitions that
     * only they read (found from the rules' conditions, so that an edited rule file needs no list kept here).
     */
    private static KieBase without(
            KnowledgeBuilderImpl builder, Supplier<KieBaseConfiguration> configuration, String leftOut) {
        KieBase base = copy(builder, configuration.get());
        List<Rule> kept = new ArrayList<>();
        List<Rule> removed = new ArrayList<>();
        base.getKiePackages()
                .forEach(p -> p.getRules()
                        .forEach(rule -> (rule.getMetaData().containsKey(leftOut) ? removed : kept).add(rule)));
        boolean pruned = true;
        while (pruned) {
            Set<String> read = new HashSet<>();
            kept.forEach(rule -> read.addAll(RuleStrata.factsRead((RuleImpl) rule)));
            Predicate<Rule> unread = rule -> {
                Object defines = rule.getMetaData().get(RuleMetadata.DEFINES);
                return defines != null && !read.contains(defines.toString());
            };
            List<Rule> unused = kept.stream().filter(unread).toList();
            pruned = !unused.isEmpty();
            kept.removeAll(unused);
            removed.addAll(unused);
        }
        removed.forEach(rule -> base.removeRule(rule.getPackageName(), rule.getName()));
        return base;
    }

    /**
     * A knowledge base of its own from packages another base already holds: Drools then deep-copies them
     * (they are changed by {@code removeRule}), through a class loader that has to know the types the rule
     * files declare. Its own copy does not learn them (drools 10.2 {@code deepCloneIfAlreadyInUse} initialises
     * the builder's loader from itself), so the new base's loader is given them before the copy.
     */
    private static KieBase copy(KnowledgeBuilderImpl builder, KieBaseConfiguration configuration) {
        InternalRuleBase base = RuleBaseFactory.newRuleBase(configuration);
        if (base.getRootClassLoader() instanceof ProjectClassLoader target
                && builder.getRootClassLoader() instanceof ProjectClassLoader declared) {
            target.initFrom(declared);
        }
        base.addPackages(List.of(builder.getPackages()));
        return KnowledgeBaseFactory.newKnowledgeBase(base);
    }
}
