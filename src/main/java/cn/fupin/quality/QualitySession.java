package cn.fupin.quality;

import cn.fupin.matching.RuleSession;
import cn.fupin.policy.RuleSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

/**
 * Runs households through the quality rules of a rule set, in one engine session, with the same facts as
 * matching: the session holds the quality rules and the definitions they read, not the rules that decide.
 */
public final class QualitySession {

    private QualitySession() {}

    /**
     * The findings per household id, in the order of the input; every household has an entry, empty when its
     * record looks right. {@code shared} are the members whose ID number is registered in other households.
     */
    public static Map<String, List<Finding>> check(
            RuleSet ruleSet, List<RuleSession.Input> inputs, List<SharedIdNumber> shared, LocalDate asOf) {
        KieSession session = ruleSet.newCheckSession();
        try {
            RuleSession.insert(session, inputs, asOf);
            shared.forEach(session::insert);
            session.fireAllRules();
            return findings(inputs, session.getObjects(new ClassObjectFilter(Finding.class)));
        } finally {
            session.dispose();
        }
    }

    /**
     * The findings among the facts a session left, per household id in the order of the input (an entry for
     * every household): of this session, or of a pass that fired measures and checks together
     * ({@link RuleSession#fireAll}).
     */
    public static Map<String, List<Finding>> findings(List<RuleSession.Input> inputs, Collection<?> facts) {
        Map<String, List<Finding>> found = new LinkedHashMap<>();
        inputs.forEach(input -> found.put(input.household().householdId(), new ArrayList<>()));
        for (Object fact : facts) {
            if (fact instanceof Finding finding) {
                found.get(finding.getHouseholdId()).add(finding);
            }
        }
        found.values().forEach(list -> list.sort(Finding.ORDER));
        return found;
    }
}
