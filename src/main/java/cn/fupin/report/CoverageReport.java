package cn.fupin.report;

import cn.fupin.matching.Action;
import cn.fupin.system.SqlLists;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Whether every targeted person has every measure delivered (不落一人), per action, and the blind spots
 * (工作死角盲区, 不落一户): POOR households without any current measure, households never evaluated, and
 * households whose latest evaluation no longer speaks for them: made with a rule set that decides differently
 * from the active one, made before the household was edited, or dated before the month's screening
 * (一月一排查). Sums over the coverage kept beside the ledger (household_coverage, household_evaluated), so it
 * answers at once on the full province.
 */
@Service
class CoverageReport {

    record ActionCoverage(
            Action action, String actionName, long targeted, long delivered, long gap, BigDecimal share) {}

    record BlindSpots(
            long poorWithoutRecommendation,
            long neverEvaluated,
            long staleEvaluation,
            long editedSinceEvaluation,
            long overdueEvaluation) {}

    /** overdueBefore: an evaluation dated before this day counts as overdue. */
    record Report(
            String regionCode,
            String rulesetVersion,
            List<ActionCoverage> actions,
            BlindSpots blindSpots,
            LocalDate overdueBefore) {}

    private final JdbcTemplate jdbc;
    private final BlindSpotBounds bounds;

    CoverageReport(JdbcTemplate jdbc, BlindSpotBounds bounds) {
        this.jdbc = jdbc;
        this.bounds = bounds;
    }

    Report of(String regionPrefix) {
        String like = regionPrefix + "%";
        Map<Action, long[]> sums = new EnumMap<>(Action.class);
        jdbc.query(
                """
                SELECT action, SUM(targeted), SUM(delivered) FROM household_coverage
                 WHERE region_code LIKE ? GROUP BY action
                """,
                rs -> {
                    sums.put(Action.valueOf(rs.getString(1)), new long[] {rs.getLong(2), rs.getLong(3)});
                },
                like);
        List<ActionCoverage> actions = new ArrayList<>();
        for (Action action : Action.values()) {
            long[] s = sums.getOrDefault(action, new long[2]);
            actions.add(
                    new ActionCoverage(action, action.title(), s[0], s[1], s[0] - s[1], CauseReport.share(s[1], s[0])));
        }
        BlindSpot.Bounds now = bounds.now();
        List<String> current = now.decidingAsActive();
        // Counted from the region indexes and household_evaluated alone: households are never deleted, so those
        // never evaluated are the registered ones less those with a latest evaluation.
        long registered = count("SELECT COUNT(*) FROM household WHERE region_code LIKE ?", like);
        long evaluated = count("SELECT COUNT(*) FROM household_evaluated WHERE region_code LIKE ?", like);
        List<Object> staleParameters = new ArrayList<>(current);
        staleParameters.add(0, like);
        long stale = count(
                "SELECT COUNT(*) FROM household_evaluated WHERE region_code LIKE ? AND ruleset_version NOT IN ("
                        + SqlLists.marks(current.size()) + ")",
                staleParameters.toArray());
        long edited = count(
                "SELECT COUNT(*) FROM household_evaluated WHERE region_code LIKE ? "
                        + "AND stored_version > household_version",
                like);
        long overdue = count(
                "SELECT COUNT(*) FROM household_evaluated WHERE region_code LIKE ? AND evaluated_on < ?",
                like,
                Date.valueOf(now.overdueBefore()));
        long poorWithout = count("SELECT COUNT(*) " + BlindSpot.POOR_WITHOUT_RECOMMENDATION.from(now), like);
        return new Report(
                regionPrefix,
                now.rulesetVersion(),
                actions,
                new BlindSpots(poorWithout, registered - evaluated, stale, edited, overdue),
                now.overdueBefore());
    }

    private long count(String sql, Object... parameters) {
        return jdbc.queryForObject(sql, Long.class, parameters);
    }
}
