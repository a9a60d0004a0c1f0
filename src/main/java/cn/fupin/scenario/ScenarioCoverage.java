package cn.fupin.scenario;

import cn.fupin.policy.RuleMetadata;
import cn.fupin.policy.RuleProblem;
import cn.fupin.policy.RuleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.kie.api.definition.rule.Rule;

/**
 * A folder passes only if its scenarios try every measure and every finding code of its rules both ways:
 * once where it must be given and once where it must not. A rule nobody tested either way is not tested
 * at all, however many scenarios pass; so a folder without scenarios, or a new measure without its own,
 * is refused. The problem is reported at the first rule that gives the code.
 */
final class ScenarioCoverage {

    private ScenarioCoverage() {}

    static List<RuleProblem> problems(RuleSet ruleSet, List<Scenario> scenarios) {
        Map<String, String> measures = new LinkedHashMap<>(); // code → the first rule that gives it
        Map<String, String> findings = new LinkedHashMap<>();
        for (Rule rule : ruleSet.rules()) {
            Object measure = rule.getMetaData().get(RuleMetadata.MEASURE);
            Object finding = rule.getMetaData().get(RuleMetadata.FINDING);
            if (measure != null) {
                measures.putIfAbsent(measure.toString(), rule.getName());
            }
            if (finding != null) {
                findings.putIfAbsent(finding.toString(), rule.getName());
            }
        }
        List<RuleProblem> problems = new ArrayList<>();
        missing(
                measures,
                codes(scenarios, Scenario::expect),
                "measure",
                "where it is recommended (expect)",
                ruleSet,
                problems);
        missing(
                measures,
                codes(scenarios, Scenario::absent),
                "measure",
                "where it must not be (absent)",
                ruleSet,
                problems);
        missing(
                findings,
                codes(scenarios, Scenario::findings),
                "finding",
                "where it is reported (findings)",
                ruleSet,
                problems);
        missing(
                findings,
                codes(scenarios, Scenario::noFindings),
                "finding",
                "where it must not be (noFindings)",
                ruleSet,
                problems);
        return problems;
    }

    /** The codes a scenario list names, without the member part of {@code CODE@memberId}. */
    private static Set<String> codes(List<Scenario> scenarios, Function<Scenario, List<String>> list) {
        Set<String> codes = new TreeSet<>();
        scenarios.forEach(s -> list.apply(s).forEach(e -> codes.add(e.split("@")[0])));
        return codes;
    }

    private static void missing(
            Map<String, String> given,
            Set<String> tried,
            String kind,
            String way,
            RuleSet ruleSet,
            List<RuleProblem> problems) {
        given.forEach((code, rule) -> {
            if (!tried.contains(code)) {
                problems.add(ruleSet.problemAt(
                        rule, kind + " " + code + " has no scenario " + way + " under " + ScenarioFile.FOLDER + "/"));
            }
        });
    }
}
