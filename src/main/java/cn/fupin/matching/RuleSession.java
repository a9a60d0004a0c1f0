package cn.fupin.matching;

import cn.fupin.household.Household;
import cn.fupin.household.Member;
import cn.fupin.policy.RuleMetadata;
import cn.fupin.policy.RuleSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;

/**
 * Runs households through one rule set in one engine session and turns the matches into recommendations.
 * One household makes a preview; a few hundred make a batch of a bulk run: the rules join every fact on its
 * household id, so households in one session never see each other.
 */
public final class RuleSession {

    private RuleSession() {}

    /** A household with the standards in force for it on the evaluation date. */
    public record Input(Household household, cn.fupin.policy.Standards standards) {}

    /** Deciding measures fires the policy rules and definitions, never a quality rule. */
    private static final AgendaFilter MEASURES =
            match -> !match.getRule().getMetaData().containsKey(RuleMetadata.FINDING);

    /** Recommendations per household id, in the order of the input; every input household has an entry. */
    public static Map<String, List<Recommendation>> run(RuleSet ruleSet, List<Input> inputs, LocalDate asOf) {
        return fire(ruleSet, inputs, List.of(), asOf, MEASURES, false).recommendations();
    }

    /**
     * What one pass of the engine leaves: the recommendations per household (as {@link #run}) and every fact
     * in the session at the end, for the quality checks to take their findings from.
     */
    public record Fired(Map<String, List<Recommendation>> recommendations, List<Object> facts) {}

    /**
     * Measures and quality checks in one pass, for a chunk of a run that records both: the two kinds of rule
     * read only the households' facts and the definitions, never each other's conclusions, so one session
     * firing both derives the definitions once and answers what two sessions would. {@code facts} are
     * inserted beside the households' (the quality checks' view of the registry around them).
     */
    public static Fired fireAll(RuleSet ruleSet, List<Input> inputs, List<?> facts, LocalDate asOf) {
        return fire(ruleSet, inputs, facts, asOf, match -> true, true);
    }

    /** {@code keepFacts}: whether the caller reads the session's other facts (else they are not collected). */
    private static Fired fire(
            RuleSet ruleSet, List<Input> inputs, List<?> facts, LocalDate asOf, AgendaFilter rules, boolean keepFacts) {
        KieSession session = ruleSet.newSession();
        try {
            insert(session, inputs, asOf);
            facts.forEach(session::insert);
            session.fireAllRules(rules);
            Map<String, List<Match>> matches = new HashMap<>();
            List<Object> left = new ArrayList<>();
            for (Object fact : session.getObjects()) {
                if (fact instanceof Match match) {
                    matches.computeIfAbsent(match.getHouseholdId(), id -> new ArrayList<>())
                            .add(match);
                } else if (keepFacts) {
                    left.add(fact);
                }
            }
            Map<String, List<Recommendation>> result = new LinkedHashMap<>();
            for (Input input : inputs) {
                String id = input.household().householdId();
                result.put(id, recommendations(input.household(), matches.getOrDefault(id, List.of())));
            }
            return new Fired(result, left);
        } finally {
            session.dispose();
        }
    }

    /** The households' facts, each member's age on {@code asOf}: the same for deciding and for checking. */
    public static void insert(KieSession session, List<Input> inputs, LocalDate asOf) {
        for (Input input : inputs) {
            Household household = input.household();
            session.insert(new HouseholdFact(household, input.standards()));
            for (Member member : household.members()) {
                session.insert(new MemberFact(household.householdId(), member, asOf));
            }
        }
    }

    /**
     * One recommendation per measure and target. Where several rules match the same measure for the same
     * target (低保 on both of its grounds), their rule names and reasons are joined, in rule-name order.
     * The list is ordered by action, then measure, then the member's place in the household.
     */
    static List<Recommendation> recommendations(Household household, List<Match> matches) {
        Map<String, Integer> memberOrder = new HashMap<>();
        for (int i = 0; i < household.members().size(); i++) {
            memberOrder.put(household.members().get(i).memberId(), i);
        }
        Comparator<Match> order = Comparator.comparing(
                        (Match m) -> m.getMeasure().action())
                .thenComparing(Match::getMeasure)
                .thenComparingInt(m ->
                        m.getMemberId() == null ? -1 : memberOrder.getOrDefault(m.getMemberId(), Integer.MAX_VALUE));
        Map<Match, List<Match>> byTarget = new TreeMap<>(order);
        for (Match match : matches) {
            byTarget.computeIfAbsent(match, m -> new ArrayList<>()).add(match);
        }
        List<Recommendation> recommendations = new ArrayList<>(byTarget.size());
        for (List<Match> same : byTarget.values()) {
            same.sort(Comparator.comparing(Match::getRule).thenComparing(Match::getReason));
            Match first = same.get(0);
            recommendations.add(new Recommendation(
                    first.getMeasure(),
                    first.getMemberId(),
                    same.stream().map(Match::getRule).distinct().collect(Collectors.joining("；")),
                    same.stream().map(Match::getReason).distinct().collect(Collectors.joining("；"))));
        }
        return recommendations;
    }
}
