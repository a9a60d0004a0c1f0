package cn.fupin.policy;

/**
 * The one check every rules folder passes before it may decide anything — at start, on validate, on
 * reload, when following another instance, for a dry run's candidate folder and from the command line.
 * Declared here, where rule sets are activated; the check itself runs the folder's scenarios, which need
 * the features the rules decide for, so it is offered from above (scenario.ScenarioGate).
 */
public interface RuleSetGate {

    /** The outcome: the report, and the compiled rule set when the folder passed. */
    record Candidate(ValidationReport report, RuleSet ruleSet) {}

    /** Checks a folder; {@code active} (may be null) is what the changes are reported against. */
    Candidate check(RulesFolder folder, RuleSet active);
}
