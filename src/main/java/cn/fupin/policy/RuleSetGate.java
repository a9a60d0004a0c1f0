package cn.fupin.policy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import cn.fupin.matching.scenario.Scenario;
import cn.fupin.matching.scenario.ScenarioFile;
import cn.fupin.matching.scenario.ScenarioResult;
import cn.fupin.matching.scenario.ScenarioRunner;

/**
 * The one check every rules folder passes before it may decide anything — at start, on validate, on
 * reload, when following another instance, and from the command line: it compiles, its standards load,
 * its scenarios try every measure and finding both ways ({@link ScenarioCoverage}), and every one passes.
 */
public final class RuleSetGate {

    /** The outcome: the report, and the compiled rule set when the folder passed. */
    public record Candidate(ValidationReport report, RuleSet ruleSet) {
    }

    private final RuleSetCompiler compiler;
    private final ScenarioRunner runner;

    public RuleSetGate(Clock clock) {
        this.compiler = new RuleSetCompiler(clock);
        this.runner = new ScenarioRunner(clock);
    }

    /** Checks a folder; {@code active} (may be null) is what the changes are reported against. */
    public Candidate check(RulesFolder folder, RuleSet active) {
        List<RuleSource> sources;
        RuleSet ruleSet;
        try {
            sources = folder.read();
            ruleSet = compiler.compile(sources, active);
        } catch (RuleSetException e) {
            return new Candidate(new ValidationReport(false, null, null, null, 0, 0, e.problems(), List.of(), null), null);
        }
        List<Scenario> scenarios;
        try {
            scenarios = ScenarioFile.readAll(folder.dir());
        } catch (RuntimeException e) {
            RuleProblem problem = new RuleProblem(ScenarioFile.FOLDER, 0, "the scenarios cannot be read: " + e.getMessage());
            return new Candidate(report(ruleSet, 0, 0, List.of(problem), List.of(), active), null);
        }
        List<RuleProblem> untested = ScenarioCoverage.problems(ruleSet, scenarios);
        List<ValidationReport.FailingScenario> failing = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            ScenarioResult result = runner.run(ruleSet, scenario);
            if (!result.passed()) {
                failing.add(new ValidationReport.FailingScenario(result.file(), result.name(), result.expected(),
                        result.actual(), result.failures()));
            }
        }
        ValidationReport report = report(ruleSet, scenarios.size(), scenarios.size() - failing.size(), untested, failing,
                active);
        return new Candidate(report, report.valid() ? ruleSet : null);
    }

    private static ValidationReport report(RuleSet ruleSet, int scenarios, int passed, List<RuleProblem> errors,
                                           List<ValidationReport.FailingScenario> failing, RuleSet active) {
        return new ValidationReport(errors.isEmpty() && failing.isEmpty(), ruleSet.version(), ruleSet.ruleCount(),
                ruleSet.files(), scenarios, passed, errors, failing,
                active == null ? null : RuleSetChanges.between(active, ruleSet));
    }
}
