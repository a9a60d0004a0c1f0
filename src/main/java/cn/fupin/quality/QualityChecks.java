package cn.fupin.quality;

import cn.fupin.household.Household;
import cn.fupin.matching.BulkEvaluation;
import cn.fupin.policy.RuleSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Checks stored households with the quality rules: one on demand (and after every PUT), or a chunk of a
 * bulk run in one session. The check across households (the same ID number in another household) is looked
 * up in the registry first, by the ID numbers' HMAC, and handed to the rules as facts.
 */
@Service
public class QualityChecks {

    /** The findings per household, and the households that cannot be checked on the date (and why). */
    public record Checked(Map<String, List<Finding>> findings, List<BulkEvaluation.Skipped> skipped) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final RunIdNumbers runs;

    QualityChecks(NamedParameterJdbcTemplate jdbc, RunIdNumbers runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    /**
     * Checks the households as stored, against the whole registry. A household with a member born after
     * {@code asOf} cannot be checked on that date; it is listed in {@code skipped}.
     */
    public Checked check(RuleSet ruleSet, List<Household> households, LocalDate asOf) {
        return check(ruleSet, households, asOf, "");
    }

    /**
     * The same, looking for the households' people in other households only under {@code scope} (a region
     * prefix): a user bound to a county learns nothing of households outside it, not even that an ID number is
     * registered there.
     */
    public Checked check(RuleSet ruleSet, List<Household> households, LocalDate asOf, String scope) {
        return check(ruleSet, households, asOf, ids -> sharedIdNumbers(ids, scope));
    }

    /** A chunk of a bulk run checked against the whole registry, looked up as {@link RunIdNumbers} says. */
    public Checked checkInRun(RuleSet ruleSet, List<Household> households, LocalDate asOf, String reevaluationId) {
        return check(ruleSet, households, asOf, ids -> sharedIdNumbersInRun(reevaluationId, ids));
    }

    private Checked check(
            RuleSet ruleSet,
            List<Household> households,
            LocalDate asOf,
            Function<List<String>, List<SharedIdNumber>> shared) {
        BulkEvaluation.Prepared<Household> prepared = BulkEvaluation.prepare(ruleSet, households, h -> h, asOf);
        if (prepared.inputs().isEmpty()) {
            return new Checked(Map.of(), prepared.skipped());
        }
        List<String> ids =
                prepared.evaluable().stream().map(Household::householdId).toList();
        return new Checked(
                QualitySession.check(ruleSet, prepared.inputs(), shared.apply(ids), asOf), prepared.skipped());
    }

    /**
     * The members of a bulk run's chunk whose ID number is also registered in another household of the
     * registry: the same answer as {@link #sharedIdNumbers} with no scope, looking up only the households
     * {@link RunIdNumbers} says may have one.
     */
    public List<SharedIdNumber> sharedIdNumbersInRun(String reevaluationId, List<String> householdIds) {
        if (householdIds.isEmpty()) {
            return List.of();
        }
        return sharedIdNumbers(runs.toLookUp(reevaluationId, householdIds), "");
    }

    /** The members of these households whose ID number is also registered in another household under the scope. */
    public List<SharedIdNumber> sharedIdNumbers(List<String> householdIds, String scope) {
        if (householdIds.isEmpty()) {
            return List.of();
        }
        Map<List<String>, List<String>> others = new LinkedHashMap<>();
        jdbc.query("""
                SELECT m.household_id, m.member_id, o.household_id
                  FROM household_member m
                  JOIN household_member o ON o.id_number_hmac = m.id_number_hmac AND o.household_id <> m.household_id
                  JOIN household h ON h.household_id = o.household_id
                 WHERE m.household_id IN (:ids) AND h.region_code LIKE :scope
                 ORDER BY m.household_id, m.member_id, o.household_id
                """, Map.of("ids", householdIds, "scope", scope + "%"), rs -> {
            others.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                    .add(rs.getString(3));
        });
        List<SharedIdNumber> shared = new ArrayList<>(others.size());
        others.forEach(
                (member, households) -> shared.add(new SharedIdNumber(member.get(0), member.get(1), households)));
        return shared;
    }
}
