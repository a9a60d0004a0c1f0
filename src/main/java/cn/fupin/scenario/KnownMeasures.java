package cn.fupin.scenario;

import cn.fupin.matching.Measure;
import cn.fupin.policy.RuleMetadata;
import cn.fupin.policy.RuleProblem;
import cn.fupin.policy.RuleSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kie.api.definition.rule.Rule;

/**
 * Every {@code @measure("CODE")} names a measure of the catalogue ({@link Measure}); a typo would otherwise
 * go live and fail every evaluation the rule matches. Checked by the gate, beside the scenarios, because
 * the catalogue is the matching feature's and the compiler below it does not know it.
 */
final class KnownMeasures {

    private KnownMeasures() {}

    static List<RuleProblem> problems(RuleSet ruleSet) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Rule rule : ruleSet.rules()) {
            Object measure = rule.getMetaData().get(RuleMetadata.MEASURE);
            if (measure != null
                    && Arrays.stream(Measure.values()).noneMatch(m -> m.name().equals(measure))) {
                problems.add(ruleSet.problemAt(
                        rule.getName(), "rule \"" + rule.getName() + "\" names unknown measure '" + measure + "'"));
            }
        }
        return problems;
    }
}
