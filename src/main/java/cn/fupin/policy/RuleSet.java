package cn.fupin.policy;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

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
        KieBase kieBase,
        KieSessionsPool sessions,
        StandardsBook standards) {

    /**
     * Sessions are pooled: creating one costs more than evaluating a household in it. The pool starts with
     * a few (compiling a rule set should not wait for more) and grows to as many as run at once.
     */
    static final int POOLED_SESSIONS = 4;

    RuleSet(
            String version,
            Instant loadedAt,
            List<RuleSource> sources,
            int ruleCount,
            Map<String, String> ruleTexts,
            KieBase kieBase,
            StandardsBook standards) {
        this(
                version,
                loadedAt,
                List.copyOf(sources),
                ruleCount,
                Map.copyOf(ruleTexts),
                kieBase,
                kieBase.newKieSessionsPool(POOLED_SESSIONS),
                standards);
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
        return kieBase.getKiePackages().stream()
                .flatMap(p -> p.getRules().stream())
                .sorted(Comparator.comparing(Rule::getName))
                .toList();
    }

    /** A problem found in this rule set after it compiled, at the file and line where the rule is declared. */
    public RuleProblem problemAt(String ruleName, String message) {
        return RuleSetCompiler.locate(ruleName, sources, message);
    }

    /** A session from the pool; {@link KieSession#dispose()} resets it and gives it back. */
    public KieSession newSession() {
        return sessions.newKieSession();
    }
}
