package cn.fupin.policy;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;

/**
 * A compiled, immutable rule set: its files, the knowledge base compiled from them, its standards, and its
 * version. A request takes one rule set at its start and finishes on it, whatever is activated meanwhile.
 *
 * @param ruleTexts each rule's source text by rule name, to tell which rules a new version edits
 */
public record RuleSet(
        String version,
        Instant loadedAt,
        List<RuleSource> sources,
        int ruleCount,
        Map<String, String> ruleTexts,
        RuleEngines engines,
        StandardsBook standards) {

    public RuleSet {
        sources = List.copyOf(sources);
        ruleTexts = Map.copyOf(ruleTexts);
    }

    /** The knowledge base of every rule: what the checks after compiling and the catalogues read. */
    public KieBase kieBase() {
        return engines.all().base();
    }

    public List<String> files() {
        return sources.stream().map(RuleSource::path).toList();
    }

    /**
     * The version of what decides measures: the files without the quality rules. Two rule sets with the same
     * decision version recommend the same measures; they differ at most in the records they question.
     */
    public String decisionVersion() {
        return decisionVersion(sources);
    }

    static String decisionVersion(List<RuleSource> sources) {
        return RulesFolder.version(sources.stream()
                .filter(s -> !s.path().startsWith(RulesFolder.QUALITY + "/"))
                .toList());
    }

    /** Every rule of the rule set, in name order: what the checks after compiling go through. */
    public List<Rule> rules() {
        return kieBase().getKiePackages().stream()
                .flatMap(p -> p.getRules().stream())
                .sorted(Comparator.comparing(Rule::getName))
                .toList();
    }

    /** A problem found in this rule set after it compiled, at the file and line where the rule is declared. */
    public RuleProblem problemAt(String ruleName, String message) {
        return RuleSetCompiler.locate(ruleName, sources, message);
    }

    /**
     * A session of every rule, for a pass that decides measures and checks the records together; {@link
     * KieSession#dispose()} gives it back to its pool. {@link #newDecisionSession} and {@link
     * #newCheckSession} hold only one kind of rule each.
     */
    public KieSession newSession() {
        return engines.all().newSession();
    }

    /** A session of the rules that decide measures and the definitions they read, and of nothing else. */
    public KieSession newDecisionSession() {
        return engines.decisions().newSession();
    }

    /** A session of the quality rules and the definitions they read, and of nothing else. */
    public KieSession newCheckSession() {
        return engines.checks().newSession();
    }
}
