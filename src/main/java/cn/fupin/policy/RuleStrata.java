package cn.fupin.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.base.base.SalienceInteger;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Accumulate;
import org.drools.base.rule.Collect;
import org.drools.base.rule.Forall;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;

/**
 * The order in which rules fire, found from what they read. A rule that asks for the absence of a fact
 * ({@code not Labourer(…)}), or counts facts, needs every rule that could still conclude such a fact to have
 * fired first; with that order an evaluation inserts each conclusion once and for good ({@code insert}), and
 * needs no truth maintenance to withdraw a conclusion a later fact defeats. Each rule gets a stratum: 0 when it
 * reads no absence or count, else one more than the highest stratum among the rules that conclude what it
 * needs complete and the rules those read, transitively; its salience is minus its stratum. A rule that would
 * need its own conclusions complete cannot be ordered and is refused.
 *
 * <p>Which fact a rule concludes is its metadata: {@code @defines("Labourer")} a Labourer, {@code @measure} a
 * Match, {@code @finding} a Finding (checked with the rest of the metadata).
 */
final class RuleStrata {

    private final Map<String, List<RuleImpl>> producers = new HashMap<>();
    private final Map<RuleImpl, Set<String>> read = new HashMap<>();
    private final Map<RuleImpl, Set<String>> needComplete = new HashMap<>();
    private final Map<RuleImpl, Integer> strata = new HashMap<>();

    private RuleStrata(List<RuleImpl> rules) {
        for (RuleImpl rule : rules) {
            String concludes = concludes(rule);
            if (concludes != null) {
                producers.computeIfAbsent(concludes, c -> new ArrayList<>()).add(rule);
            }
            Set<String> reads = new HashSet<>();
            Set<String> complete = new HashSet<>();
            walk(rule.getLhs(), false, reads, complete);
            read.put(rule, reads);
            needComplete.put(rule, complete);
        }
    }

    /**
     * Gives every rule of the packages its salience; a problem for each rule that cannot be ordered.
     * Must run before a knowledge base is built from the packages.
     */
    static void order(InternalKnowledgePackage[] packages, List<RuleSource> sources, List<RuleProblem> problems) {
        List<RuleImpl> rules = new ArrayList<>();
        for (InternalKnowledgePackage pkg : packages) {
            pkg.getRules().forEach(rule -> rules.add((RuleImpl) rule));
        }
        RuleStrata strata = new RuleStrata(rules);
        for (RuleImpl rule : rules) {
            Set<RuleImpl> before = strata.producersOfComplete(rule);
            if (before.contains(rule)) {
                problems.add(RuleSetCompiler.locate(
                        rule.getName(),
                        sources,
                        "rule \"" + rule.getName() + "\" asks for the absence (or a count) of "
                                + String.join(", ", strata.needComplete.get(rule))
                                + ", which depends on its own conclusion: no order of firing can decide it"));
            }
        }
        if (!problems.isEmpty()) {
            return;
        }
        for (RuleImpl rule : rules) {
            rule.setSalience(new SalienceInteger(-strata.stratum(rule)));
        }
    }

    /** The rules that must have fired before {@code rule}: producers of what it needs complete, transitively. */
    private Set<RuleImpl> producersOfComplete(RuleImpl rule) {
        Set<RuleImpl> found = new LinkedHashSet<>();
        List<String> types = new ArrayList<>(needComplete.get(rule));
        Set<String> seen = new HashSet<>(types);
        while (!types.isEmpty()) {
            String type = types.remove(types.size() - 1);
            for (RuleImpl producer : producers.getOrDefault(type, List.of())) {
                if (found.add(producer)) {
                    for (String next : read.get(producer)) {
                        if (seen.add(next)) {
                            types.add(next);
                        }
                    }
                }
            }
        }
        return found;
    }

    private int stratum(RuleImpl rule) {
        Integer known = strata.get(rule);
        if (known != null) {
            return known;
        }
        int stratum = 0;
        for (RuleImpl before : producersOfComplete(rule)) {
            stratum = Math.max(stratum, stratum(before) + 1);
        }
        strata.put(rule, stratum);
        return stratum;
    }

    private static String concludes(RuleImpl rule) {
        Map<String, Object> metadata = rule.getMetaData();
        if (metadata.get(RuleMetadata.DEFINES) != null) {
            return metadata.get(RuleMetadata.DEFINES).toString();
        }
        if (metadata.containsKey(RuleMetadata.MEASURE)) {
            return "Match";
        }
        return metadata.containsKey(RuleMetadata.FINDING) ? "Finding" : null;
    }

    /** Every fact type a condition reads; those under not, forall, accumulate and collect also in {@code complete}. */
    private static void walk(RuleConditionElement element, boolean inAbsence, Set<String> read, Set<String> complete) {
        boolean absence = inAbsence
                || element instanceof Forall
                || element instanceof Accumulate
                || element instanceof Collect
                || (element instanceof GroupElement group && group.isNot());
        if (element instanceof Pattern pattern) {
            String type = simpleName(pattern.getObjectType().getClassName());
            read.add(type);
            if (absence) {
                complete.add(type);
            }
        }
        for (RuleConditionElement nested : element.getNestedElements()) {
            walk(nested, absence, read, complete);
        }
    }

    /** The simple names of the fact types a rule's conditions match, at any depth (not, exists, accumulate, from). */
    static Set<String> factsRead(RuleImpl rule) {
        Set<String> read = new HashSet<>();
        walk(rule.getLhs(), false, read, new HashSet<>());
        return read;
    }

    static String simpleName(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }
}
