package cn.fupin.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What checking a rules folder found: its version, rule count and files, how its scenarios went, and what
 * it changes against the active rule set — or every compile error, standards error and failing scenario.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidationReport(
        boolean valid,
        String version,
        Integer rules,
        List<String> files,
        int scenarios,
        int scenariosPassed,
        List<RuleProblem> errors,
        List<FailingScenario> failingScenarios,
        RuleSetChanges changes) {

    /** A folder that did not compile, or whose standards did not load: its problems, nothing more. */
    public static ValidationReport notCompiled(List<RuleProblem> problems) {
        return new ValidationReport(false, null, null, null, 0, 0, problems, List.of(), null);
    }

    /**
     * The report on a compiled folder: valid when nothing is wrong and every scenario passed; its changes are
     * against {@code active} (none when null).
     */
    public static ValidationReport of(
            RuleSet ruleSet,
            int scenarios,
            int passed,
            List<RuleProblem> errors,
            List<FailingScenario> failing,
            RuleSet active) {
        return new ValidationReport(
                errors.isEmpty() && failing.isEmpty(),
                ruleSet.version(),
                ruleSet.ruleCount(),
                ruleSet.files(),
                scenarios,
                passed,
                errors,
                failing,
                active == null ? null : RuleSetChanges.between(active, ruleSet));
    }

    /** A scenario whose answer differs from what it expects. */
    public record FailingScenario(
            String file, String name, List<String> expected, List<String> actual, List<String> failures) {}
}
