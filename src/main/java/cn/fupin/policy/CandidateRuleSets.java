package cn.fupin.policy;

import cn.fupin.system.Sha256;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Rule sets that are not active, for simulating a change before adopting it: a candidate rules folder
 * (which must pass the same gate as a reload: it compiles and its scenarios pass), a stored candidate
 * compiled again, or a rule set with proposed values of some standards.
 */
@Component
public class CandidateRuleSets {

    private final ActiveRuleSet active;
    private final RuleSetGate gate;
    private final RuleSetCompiler compiler;

    CandidateRuleSets(ActiveRuleSet active, RuleSetGate gate, Clock clock) {
        this.active = active;
        this.gate = gate;
        this.compiler = new RuleSetCompiler(clock);
    }

    /**
     * @throws RuleSetRefusedException if the folder does not compile or a scenario fails, with the report
     */
    public RuleSet fromFolder(Path dir) {
        RuleSetGate.Candidate candidate =
                gate.check(new RulesFolder(dir.toAbsolutePath().normalize()), active.get());
        if (!candidate.report().valid()) {
            throw new RuleSetRefusedException(candidate.report());
        }
        return candidate.ruleSet();
    }

    /** The files of a candidate checked earlier, compiled again (a dry run resumed after a restart). */
    public RuleSet compile(List<RuleSource> files) {
        return compiler.compile(files, active.get());
    }

    /**
     * {@code base} with proposed values added to the default series of some standards (see
     * {@link StandardsBook#withDefaultValues}); its version is derived from the base's and the proposal.
     *
     * @param proposal the values as the request gave them, in a canonical text, for the version
     */
    public RuleSet withStandards(
            RuleSet base, Map<StandardName, ? extends Map<LocalDate, BigDecimal>> values, String proposal) {
        if (values.isEmpty()) {
            return base;
        }
        return new RuleSet(
                version(base.version() + "\n" + proposal),
                base.loadedAt(),
                base.sources(),
                base.ruleCount(),
                base.ruleTexts(),
                base.engines(),
                base.standards().withDefaultValues(values));
    }

    private static String version(String text) {
        return "sha256:" + Sha256.hex(text);
    }
}
