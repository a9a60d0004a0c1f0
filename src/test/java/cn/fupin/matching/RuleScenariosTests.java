package cn.fupin.matching;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import cn.fupin.matching.scenario.Scenario;
import cn.fupin.matching.scenario.ScenarioFile;
import cn.fupin.matching.scenario.ScenarioResult;
import cn.fupin.matching.scenario.ScenarioRunner;
import cn.fupin.policy.RuleSet;
import cn.fupin.policy.RuleSetCompiler;
import cn.fupin.policy.RulesFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every scenario file of the real rules folder against the real rule set: one test per scenario. */
class RuleScenariosTests {

    static final Path RULES = Path.of("rules");
    static RuleSet ruleSet;
    static List<Scenario> scenarios;

    @BeforeAll
    static void compileRules() {
        ruleSet = new RuleSetCompiler(Clock.systemUTC()).compile(new RulesFolder(RULES).read());
        scenarios = ScenarioFile.readAll(RULES);
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioInTheRulesFolderPasses() {
        ScenarioRunner runner = new ScenarioRunner(Clock.systemUTC());
        return scenarios.stream().map(scenario -> DynamicTest.dynamicTest(
                scenario.file() + ": " + scenario.name(), () -> {
                    ScenarioResult result = runner.run(ruleSet, scenario);
                    assertThat(result.failures())
                            .as("%s — expected %s, recommended %s", scenario.name(), scenario.expect(), result.actual())
                            .isEmpty();
                }));
    }

    @Test
    void everyMeasureHasAScenarioWhereItMatchesAndOneWhereItMustNot() {
        Set<Measure> matched = EnumSet.noneOf(Measure.class);
        Set<Measure> refused = EnumSet.noneOf(Measure.class);
        for (Scenario scenario : scenarios) {
            scenario.expect().forEach(e -> matched.add(Measure.valueOf(e.split("@")[0])));
            scenario.absent().forEach(e -> refused.add(Measure.valueOf(e.split("@")[0])));
        }
        assertThat(matched).as("measures with a scenario where they match").containsExactlyInAnyOrder(Measure.values());
        assertThat(refused).as("measures with a scenario where they must not match").containsExactlyInAnyOrder(Measure.values());
    }

    @Test
    void everyFindingCodeHasAScenarioWhereItIsReportedAndOneWhereItMustNotBe() {
        Set<String> codes = new java.util.TreeSet<>();
        ruleSet.kieBase().getKiePackages().forEach(p -> p.getRules().forEach(rule -> {
            Object code = rule.getMetaData().get(RuleMetadata.FINDING);
            if (code != null) {
                codes.add(code.toString());
            }
        }));
        Set<String> reported = new java.util.TreeSet<>();
        Set<String> refused = new java.util.TreeSet<>();
        for (Scenario scenario : scenarios) {
            scenario.findings().forEach(f -> reported.add(f.split("@")[0]));
            scenario.noFindings().forEach(f -> refused.add(f.split("@")[0]));
        }
        assertThat(codes).as("the finding codes of rules/quality").hasSizeGreaterThanOrEqualTo(10);
        assertThat(reported).as("codes with a scenario where they are reported").isEqualTo(codes);
        assertThat(refused).as("codes with a scenario where they must not be").isEqualTo(codes);
    }
}
