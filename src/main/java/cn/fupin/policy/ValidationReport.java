package cn.fupin.policy;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What checking a rules folder found: its version, rule count and files, how its scenarios went, and what
 * it changes against the active rule set — or every compile error, standards error and failing scenario.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidationReport(boolean valid, String version, Integer rules, List<String> files, int scenarios,
                               int scenariosPassed, List<RuleProblem> errors, List<FailingScenario> failingScenarios,
                               RuleSetChanges changes) {

    /** A scenario whose answer differs from what it expects. */
    public record FailingScenario(String file, String name, List<String> expected, List<String> actual,
                                  List<String> failures) {
    }
}
