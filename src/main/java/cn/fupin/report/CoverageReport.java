package cn.fupin.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.fupin.matching.Action;
import cn.fupin.policy.ActiveRuleSet;
import cn.fupin.policy.RuleSet;
import cn.fupin.policy.RuleSetStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Whether every targeted person has every measure delivered (不落一人), per action, and the blind spots
 * (工作死角盲区): POOR households without any current measure, households never evaluated, and households
 * whose latest evaluation was made with another rule set than the active one. Sums over the coverage kept
 * beside the ledger (household_coverage, household_evaluated), so it answers at once on the full province.
 */
@Service
class CoverageReport {

    record ActionCoverage(Action action, String actionName, long targeted, long delivered, long gap,
                          BigDecimal share) {
    }

    record BlindSpots(long poorWithoutRecommendation, long neverEvaluated, long staleEvaluation) {
    }

    record Report(String regionCode, String rulesetVersion, List<ActionCoverage> actions, BlindSpots blindSpots) {
    }

    private final JdbcTemplate jdbc;
    private final ActiveRuleSet activeRuleSet;
    private final RuleSetStore ruleSets;

    CoverageReport(JdbcTemplate jdbc, ActiveRuleSet activeRuleSet, RuleSetStore ruleSets) {
        this.jdbc = jdbc;
        this.activeRuleSet = activeRuleSet;
        this.ruleSets = ruleSets;
    }

    Report of(String regionPrefix) {
        String like = regionPrefix + "%";
        Map<Action, long[]> sums = new EnumMap<>(Action.class);
        jdbc.query("""
                SELECT action, SUM(targeted), SUM(delivered) FROM household_coverage
                 WHERE region_code LIKE ? GROUP BY action
                """, rs -> {
            sums.put(Action.valueOf(rs.getString(1)), new long[] {rs.getLong(2), rs.getLong(3)});
        }, like);
        List<ActionCoverage> actions = new ArrayList<>();
        for (Action action : Action.values()) {
            long[] s = sums.getOrDefault(action, new long[2]);
            actions.add(new ActionCoverage(action, action.title(), s[0], s[1], s[0] - s[1],
                    CauseReport.share(s[1], s[0])));
        }
        RuleSet active = activeRuleSet.get();
        String version = active.version();
        List<String> current = ruleSets.decidingAs(active);
        // Counted from the region indexes alone: households are never deleted, so those never evaluated are
        // the registered ones less those with a latest evaluation.
        long registered = count("SELECT COUNT(*) FROM household WHERE region_code LIKE ?", like);
        long evaluated = count("SELECT COUNT(*) FROM household_evaluated WHERE region_code LIKE ?", like);
        List<Object> staleParameters = new ArrayList<>(current);
        staleParameters.add(0, like);
        long stale = count("SELECT COUNT(*) FROM household_evaluated WHERE region_code LIKE ? AND ruleset_version NOT IN ("
                + BlindSpot.placeholders(current) + ")", staleParameters.toArray());
        long poorWithout = count("SELECT COUNT(*) " + BlindSpot.POOR_WITHOUT_RECOMMENDATION.from(List.of()), like);
        return new Report(regionPrefix, version, actions, new BlindSpots(poorWithout, registered - evaluated, stale));
    }

    private long count(String sql, Object... parameters) {
        return jdbc.queryForObject(sql, Long.class, parameters);
    }
}
