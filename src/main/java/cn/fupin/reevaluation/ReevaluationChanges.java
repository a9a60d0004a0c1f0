package cn.fupin.reevaluation;

import cn.fupin.household.Household;
import cn.fupin.matching.BulkEvaluation;
import cn.fupin.matching.Recommendation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes the diff of a run as it goes: per changed household the people gaining and losing something, and
 * each measure gained or lost with its target, rule and reason. Written in each chunk's transaction, so a
 * household appears once however often the run is interrupted.
 */
@Repository
class ReevaluationChanges {

    enum Direction {
        GAINED,
        LOST
    }

    private final JdbcTemplate jdbc;

    ReevaluationChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return how many households changed */
    int write(String reevaluationId, BulkEvaluation.Outcome outcome) {
        List<Object[]> households = new ArrayList<>();
        List<Object[]> changes = new ArrayList<>();
        for (BulkEvaluation.HouseholdOutcome h : outcome.households()) {
            if (!h.changed()) {
                continue;
            }
            Household household = h.household();
            households.add(new Object[] {
                reevaluationId,
                household.householdId(),
                household.regionCode(),
                household.members().size(),
                people(household, h.gained()),
                people(household, h.lost())
            });
            add(changes, reevaluationId, household, Direction.GAINED, h.gained());
            add(changes, reevaluationId, household, Direction.LOST, h.lost());
        }
        if (!households.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO reevaluation_household (reevaluation_id, household_id, region_code, members,
                           gained_people, lost_people)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, households);
            jdbc.batchUpdate("""
                    INSERT INTO reevaluation_change (reevaluation_id, household_id, direction, measure, member_id,
                           region_code, people, rule_name, reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, changes);
        }
        skipped(reevaluationId, outcome.skipped());
        return households.size();
    }

    /** The households a run could not evaluate or check on its date, with the reason. */
    void skipped(String reevaluationId, List<BulkEvaluation.Skipped> skipped) {
        if (!skipped.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO reevaluation_skip (reevaluation_id, household_id, reason) VALUES (?, ?, ?)",
                    skipped.stream()
                            .map(s -> new Object[] {reevaluationId, s.householdId(), s.reason()})
                            .toList());
        }
    }

    private static void add(
            List<Object[]> rows,
            String reevaluationId,
            Household household,
            Direction direction,
            List<Recommendation> measures) {
        for (Recommendation r : measures) {
            rows.add(new Object[] {
                reevaluationId,
                household.householdId(),
                direction.name(),
                r.measure().name(),
                r.memberId() == null ? "" : r.memberId(),
                household.regionCode(),
                r.memberId() == null ? household.members().size() : 1,
                r.rule(),
                r.reason()
            });
        }
    }

    /** People concerned by some of these measures: everyone for a household measure, else each member named. */
    static int people(Household household, List<Recommendation> measures) {
        Set<String> members = new HashSet<>();
        for (Recommendation r : measures) {
            if (r.memberId() == null) {
                return household.members().size();
            }
            members.add(r.memberId());
        }
        return members.size();
    }
}
