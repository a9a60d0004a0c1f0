package cn.fupin.scenario;

import cn.fupin.policy.RuleProblem;
import cn.fupin.policy.RuleSet;
import cn.fupin.policy.RuleSetCompiler;
import cn.fupin.policy.RuleSetException;
import cn.fupin.policy.RuleSetGate;
import cn.fupin.policy.RuleSource;
import cn.fupin.policy.RulesFolder;
import cn.fupin.policy.ValidationReport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The gate every rules folder passes ({@link RuleSetGate}): it compiles, its standards load, every measure
 * it names is in the catalogue, its scenarios try every measure and finding both ways
 * ({@link ScenarioCoverage}), and every one passes.
 */
@Component
final class ScenarioGate implements RuleSetGate {

    private final RuleSetCompiler compiler;
    private final ScenarioRunner runner;

    ScenarioGate(Clock clock) {
        this.compiler = new RuleSetCompiler(clock);
        this.runner = new ScenarioRunner(clock);
    }

    @Override
    public Candidate check(RulesFolder folder, RuleSet active) {
        List<RuleSource> sources;
        RuleSet ruleSet;
        try {
            sources = folder.read();
            ruleSet = compiler.compile(sources, active);
        } catch (RuleSetException e) {
            return new Candidate(ValidationReport.notCompiled(e.problems()), null);
        }
        // Before the scenarios: a rule naming a measure outside the catalogue throws in every scenario it matches.
        List<RuleProblem> unknown = KnownMeasures.problems(ruleSet);
        if (!unknown.isEmpty()) {
            return new Candidate(ValidationReport.of(ruleSet, 0, 0, unknown, List.of(), active), null);
        }
        List<Scenario> scenarios;
        try {
            scenarios = ScenarioFile.readAll(folder.dir());
        } catch (RuntimeException e) {
            RuleProblem problem =
                    new RuleProblem(ScenarioFile.FOLDER, 0, "the scenarios cannot be read: " + e.getMessage());
            return new Candidate(ValidationReport.of(ruleSet, 0, 0, List.of(problem), List.of(), active), null);
        }
        List<RuleProblem> untested = ScenarioCoverage.problems(ruleSet, scenarios);
        List<ValidationReport.FailingScenario> failing = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            ScenarioResult result = runner.run(ruleSet, scenario);
            if (!result.passed()) {
                failing.add(new ValidationReport.FailingScenario(
                        result.file(), result.name(), result.expected(), result.actual(), result.failures()));
            }
        }
        ValidationReport report = ValidationReport.of(
                ruleSet, scenarios.size(), scenarios.size() - failing.size(), untested, failing, active);
        return new Candidate(report, report.valid() ? ruleSet : null);
    }
}
