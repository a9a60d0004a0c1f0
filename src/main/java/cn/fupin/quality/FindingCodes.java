package cn.fupin.quality;

import cn.fupin.policy.RuleMetadata;
import cn.fupin.policy.RuleSet;
import java.util.Map;
import java.util.TreeMap;

/** The finding codes a rule set's quality rules report, each with its severity and title. */
final class FindingCodes {

    /** @param title the rule's name up to its colon (在校情况与年龄不符), shared by the rules of one code */
    record Code(String code, Severity severity, String title) {}

    private FindingCodes() {}

    static Map<String, Code> of(RuleSet ruleSet) {
        Map<String, Code> codes = new TreeMap<>();
        ruleSet.kieBase()
                .getKiePackages()
                .forEach(p -> p.getRules().forEach(rule -> {
                    Object code = rule.getMetaData().get(RuleMetadata.FINDING);
                    if (code != null) {
                        String name = rule.getName();
                        int colon = name.indexOf('：');
                        codes.putIfAbsent(
                                code.toString(),
                                new Code(
                                        code.toString(),
                                        Severity.valueOf(String.valueOf(
                                                rule.getMetaData().get(RuleMetadata.SEVERITY))),
                                        colon > 0 ? name.substring(0, colon) : name));
                    }
                }));
        return codes;
    }
}
