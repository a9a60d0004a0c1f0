package cn.fupin.matching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.policy.RuleMetadata;
import cn.fupin.policy.RuleSet;
import cn.fupin.policy.RuleSetCompiler;
import cn.fupin.policy.RulesFolder;
import cn.fupin.scenario.Scenario;
import cn.fupin.scenario.ScenarioFile;
import cn.fupin.scenario.ScenarioResult;
import cn.fupin.scenario.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

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
        return scenarios.stream()
                .map(scenario -> DynamicTest.dynamicTest(scenario.file() + ": " + scenario.name(), () -> {
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
        assertThat(refused)
                .as("measures with a scenario where they must not match")
                .containsExactlyInAnyOrder(Measure.values());
    }

    @Test
    void everyFindingCodeHasAScenarioWhereItIsReportedAndOneWhereItMustNotBe() {
        Set<String> codes = new TreeSet<>();
        ruleSet.kieBase()
                .getKiePackages()
                .forEach(p -> p.getRules().forEach(rule -> {
                    Object code = rule.getMetaData().get(RuleMetadata.FINDING);
                    if (code != null) {
                        codes.add(code.toString());
                    }
                }));
        Set<String> reported = new TreeSet<>();
        Set<String> refused = new TreeSet<>();
        for (Scenario scenario : scenarios) {
            scenario.findings().forEach(f -> reported.add(f.split("@")[0]));
            scenario.noFindings().forEach(f -> refused.add(f.split("@")[0]));
        }
        assertThat(codes).as("the finding codes of rules/quality").hasSizeGreaterThanOrEqualTo(10);
        assertThat(reported).as("codes with a scenario where they are reported").isEqualTo(codes);
        assertThat(refused).as("codes with a scenario where they must not be").isEqualTo(codes);
    }

    /**
     * One scenario file per rule file, so that policy staff find a rule's tests beside it by name:
     * {@code health.drl} is tested in {@code scenarios/health.yaml}, {@code quality/members.drl} in
     * {@code scenarios/quality-members.yaml}, each of its measures and findings both ways in that file.
     */
    @Test
    void everyRuleFileHasItsOwnScenarioFileTestingEachOfItsCodesBothWays() throws IOException {
        Pattern code = Pattern.compile("@(measure|finding)\\(\"([A-Z_]+)\"\\)");
        List<Path> ruleFiles;
        try (Stream<Path> files = Files.walk(RULES)) {
            ruleFiles =
                    files.filter(f -> f.toString().endsWith(".drl")).sorted().toList();
        }
        assertThat(ruleFiles).hasSizeGreaterThanOrEqualTo(12);
        for (Path ruleFile : ruleFiles) {
            String name =
                    RULES.relativize(ruleFile).toString().replace('/', '-').replace(".drl", ".yaml");
            Set<String> codes = new TreeSet<>();
            code.matcher(Files.readString(ruleFile)).results().forEach(m -> codes.add(m.group(2)));
            if (codes.isEmpty()) {
                continue; // definitions.drl derives terms only: the action files' scenarios test them
            }
            List<Scenario> own = scenarios.stream()
                    .filter(s -> s.file().equals("scenarios/" + name))
                    .toList();
            Set<String> shown = new TreeSet<>();
            Set<String> refused = new TreeSet<>();
            for (Scenario scenario : own) {
                Stream.of(scenario.expect(), scenario.findings())
                        .flatMap(List::stream)
                        .forEach(c -> shown.add(c.split("@")[0]));
                Stream.of(scenario.absent(), scenario.noFindings())
                        .flatMap(List::stream)
                        .forEach(c -> refused.add(c.split("@")[0]));
            }
            assertThat(shown)
                    .as("codes of %s matched in scenarios/%s", ruleFile, name)
                    .containsAll(codes);
            assertThat(refused)
                    .as("codes of %s refused in scenarios/%s", ruleFile, name)
                    .containsAll(codes);
        }
    }
}
