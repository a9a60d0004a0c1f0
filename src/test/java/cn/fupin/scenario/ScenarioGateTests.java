package cn.fupin.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.policy.RuleProblem;
import cn.fupin.policy.RuleSetGate;
import cn.fupin.policy.RulesCopy;
import cn.fupin.policy.RulesFolder;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate on the real folder, and on copies of it with one thing wrong. */
class ScenarioGateTests {

    final ScenarioGate gate = new ScenarioGate(Clock.systemUTC());

    @Test
    void theRepositorysFolderPasses() {
        RuleSetGate.Candidate candidate = gate.check(new RulesFolder(Path.of("rules")), null);
        assertThat(candidate.report().errors()).isEmpty();
        assertThat(candidate.report().valid()).isTrue();
        assertThat(candidate.ruleSet()).isNotNull();
    }

    /** A typo in a measure code compiles, and would fail every evaluation the rule matches: refused at its line. */
    @Test
    void aRuleNamingAMeasureOutsideTheCatalogueIsRefusedAtItsLine(@TempDir Path dir) {
        RulesCopy.into(dir, true);
        RulesCopy.edit(dir, "water.drl", "@measure(\"WATER_SAFETY\")", "@measure(\"WATER_SAFTEY\")");
        RuleSetGate.Candidate candidate = gate.check(new RulesFolder(dir), null);
        assertThat(candidate.ruleSet()).isNull();
        assertThat(candidate.report().errors())
                .contains(new RuleProblem(
                        "water.drl", 8, "rule \"饮水安全保障：尚未实现安全饮水\" names unknown measure 'WATER_SAFTEY'"));
    }
}
