package cn.fupin.matching;

import cn.fupin.household.Household;
import cn.fupin.household.Member;
import cn.fupin.policy.RuleSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

/**
 * Runs households through one rule set in one engine session and turns the matches into recommendations.
 * One household makes a preview; a few hundred make a batch of a bulk run: the rules join every fact on its
 * household id, so households in one session never see each other.
 */
public final class RuleSession {

    private RuleSession() {}

    /** A household with the standards in force for it on the evaluation date. */
    public record Input(Household household, cn.fupin.policy.Standards standards) {}

    /** Recommendations per household id, in the order of the input; every input household has an entry. */
    public static Map<String, List<Recommendation>> run(RuleSet ruleSet, List<Input> inputs, LocalDate asOf) {
        KieSession session = ruleSet.newDecisionSession();
        try {
            insert(session, inputs, asOf);
            session.fireAllRules();
            return recommendations(inputs, session.getObjects(MATCHES));
        } finally {
            session.dispose();
        }
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
        KieSession session = ruleSet.newSession();
        try {
            insert(session, inputs, asOf);
            facts.forEach(session::insert);
            session.fireAllRules();
            List<Object> left = new ArrayList<>();
            for (Object fact : session.getObjects()) {
                if (!(fact instanceof Match)) {
                    left.add(fact);
                }
            }
            return new Fired(recommendations(inputs, session.getObjects(MATCHES)), left);
        } finally {
            session.dispose();
        }
    }

    /** Only the matches, from their own store in the session (not a scan of every fact). */
    private static final ClassObjectFilter MATCHES = new ClassObjectFilter(Match.class);

    private static Map<String, List<Recommendation>> recommendations(
            List<Input> inputs, Collection<? extends Object> found) {
        Map<String, List<Match>> matches = new HashMap<>();
        for (Object fact : found) {
            Match match = (Match) fact;
            matches.computeIfAbsent(match.getHouseholdId(), id -> new ArrayList<>())
                    .add(match);
        }
        Map<String, List<Recommendation>> result = new LinkedHashMap<>();
        for (Input input : inputs) {
            String id = input.household().householdId();
            result.put(id, recommendations(input.household(), matches.getOrDefault(id, List.of())));
        }
        return result;
    }

    /** The households' facts, each member's age on {@code asOf}: the same for deciding and for checking. */
    public static void insert(KieSession session, List<Input> inputs, LocalDate asOf) {
        for (Input input : inputs) {
            Household household = input.household();
            HouseholdFact fact = new HouseholdFact(household, input.standards());
            session.insert(fact);
            for (Member member : household.members()) {
                session.insert(new MemberFact(fact, member, asOf));
            }
        }
    }

    /**
     * One recommendation per measure and target. Where several rules match the same measure for the same
     * target (低保 on both of its grounds), their rule names and reasons are joined, in rule-name order.
     * The list is ordered by action, then measure, then the member's place in the household.
     */
    static List<Recommendation> recommendations(Household household, List<Match> matches) {
        if (matches.isEmpty()) {
            return List.of();
        }
        // Sorted by a number per match (action, measure, member's place) and the match's index: the general
        // comparator chain this replaces took a tenth of the bulk profile of 2026-12-03.
        List<Member> members = household.members();
        long[] order = new long[matches.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = target(matches.get(i), members) << INDEX_BITS | i;
        }
        Arrays.sort(order);
        List<Recommendation> recommendations = new ArrayList<>(order.length);
        int from = 0;
        while (from < order.length) {
            int to = from + 1;
            while (to < order.length && order[to] >>> INDEX_BITS == order[from] >>> INDEX_BITS) {
                to++;
            }
            Match first = matches.get((int) (order[from] & INDEX_MASK));
            if (to == from + 1) {
                recommendations.add(new Recommendation(
                        first.getMeasure(), first.getMemberId(), first.getRule(), first.getReason()));
            } else {
                List<Match> same = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    same.add(matches.get((int) (order[i] & INDEX_MASK)));
                }
                same.sort(Comparator.comparing(Match::getRule).thenComparing(Match::getReason));
                recommendations.add(new Recommendation(
                        first.getMeasure(),
                        first.getMemberId(),
                        joined(same, Match::getRule),
                        joined(same, Match::getReason)));
            }
            from = to;
        }
        return recommendations;
    }

    private static final int INDEX_BITS = 20;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    /** A match's target as a number that orders by action, then measure, then the member's place. */
    private static long target(Match match, List<Member> members) {
        Measure measure = match.getMeasure();
        return ((long) measure.action().ordinal() << 30)
                | ((long) measure.ordinal() << 16)
                | (place(members, match.getMemberId()) + 1);
    }

    /** The member's place in the household (0xfffe when not found); the household itself comes first (-1). */
    private static int place(List<Member> members, String memberId) {
        if (memberId == null) {
            return -1;
        }
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).memberId().equals(memberId)) {
                return i;
            }
        }
        return 0xfffe;
    }

    private static String joined(List<Match> same, Function<Match, String> part) {
        return same.stream().map(part).distinct().collect(Collectors.joining("；"));
    }
}
