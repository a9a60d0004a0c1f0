package cn.fupin.matching;

import cn.fupin.household.HouseholdRegistry;
import cn.fupin.household.VersionedHousehold;
import cn.fupin.system.audit.AuditTrail;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates a stored household and records it, all in one transaction: the evaluation with the household
 * as evaluated, and what it changes in the ledger ({@link LedgerChange}).
 * Evaluations of one household are serialised on its row lock; the schema's unique key backs that up.
 */
@Service
public class EvaluationRecorder {

    private final HouseholdRegistry registry;
    private final HouseholdEvaluator evaluator;
    private final LedgerWrites ledger;
    private final EvaluationWrites evaluations;
    private final LedgerCoverage coverage;
    private final AuditTrail audit;

    EvaluationRecorder(
            HouseholdRegistry registry,
            HouseholdEvaluator evaluator,
            LedgerWrites ledger,
            EvaluationWrites evaluations,
            LedgerCoverage coverage,
            AuditTrail audit) {
        this.registry = registry;
        this.evaluator = evaluator;
        this.ledger = ledger;
        this.evaluations = evaluations;
        this.coverage = coverage;
        this.audit = audit;
    }

    @Transactional
    public Evaluation record(String householdId, LocalDate asOf, String user) {
        VersionedHousehold stored = registry.lock(householdId);
        Evaluation answer = evaluator.evaluate(stored.household(), asOf);
        Instant at = answer.evaluatedAt().toInstant();
        LedgerChange change = LedgerChange.of(
                householdId,
                answer.recommendations(),
                ledger.current(List.of(householdId)).getOrDefault(householdId, List.of()));
        write(List.of(stored), List.of(change), asOf, answer.rulesetVersion(), user, at, null);
        audit.record("EVALUATION_RECORD", householdId, "RECORDED", "evaluation " + change.evaluationId());
        return new Evaluation(
                change.evaluationId(),
                householdId,
                asOf,
                answer.rulesetVersion(),
                answer.evaluatedAt(),
                user,
                change.recorded());
    }

    /**
     * The households of a run's chunk known to repeat their latest evaluation, without reading their ledger
     * ({@link EvaluationWrites#repeating}).
     */
    Map<String, EvaluationWrites.Latest> repeating(
            List<VersionedHousehold> households, Map<String, List<Recommendation>> matched) {
        return evaluations.repeating(households, matched);
    }

    /** The ledger changes of households evaluated together, against their current entries. */
    List<LedgerChange> changes(Map<String, List<Recommendation>> matched) {
        if (matched.isEmpty()) {
            return List.of();
        }
        Map<String, List<LedgerWrites.Current>> current = ledger.current(matched.keySet());
        List<LedgerChange> changes = new ArrayList<>(matched.size());
        matched.forEach((id, recommendations) ->
                changes.add(LedgerChange.of(id, recommendations, current.getOrDefault(id, List.of()))));
        return changes;
    }

    /** Records evaluations of households the caller has locked, as one batch of each statement. */
    void write(
            List<VersionedHousehold> households,
            List<LedgerChange> changes,
            LocalDate asOf,
            String rulesetVersion,
            String user,
            Instant at,
            String reevaluationId) {
        write(households, changes, List.of(), Map.of(), asOf, rulesetVersion, user, at, reevaluationId);
    }

    /**
     * The same for a chunk of a run, with the households known to repeat their latest evaluation
     * ({@link EvaluationWrites#repeating}): recorded as repeats, their ledger neither read nor written.
     */
    void write(
            List<VersionedHousehold> households,
            List<LedgerChange> changes,
            List<VersionedHousehold> repeatingHouseholds,
            Map<String, EvaluationWrites.Latest> repeating,
            LocalDate asOf,
            String rulesetVersion,
            String user,
            Instant at,
            String reevaluationId) {
        List<EvaluationWrites.Recorded> recorded = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            recorded.add(new EvaluationWrites.Recorded(households.get(i), changes.get(i)));
        }
        EvaluationWrites.Written written =
                evaluations.insert(recorded, repeating, asOf, rulesetVersion, at, user, reevaluationId);
        ledger.write(new LedgerWrites.Writes(changes, rulesetVersion, user, at));
        // Coverage moves only where a measure was added or withdrawn: statuses do not change here.
        List<cn.fupin.household.Household> moved = new ArrayList<>();
        Map<String, List<LedgerCoverage.Target>> current = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            LedgerChange change = changes.get(i);
            if (!change.added().isEmpty() || !change.withdrawn().isEmpty()) {
                moved.add(households.get(i).household());
                current.put(
                        change.householdId(),
                        change.recorded().stream()
                                .map(LedgerCoverage.Target::of)
                                .toList());
            }
        }
        coverage.refresh(moved, current);
        List<VersionedHousehold> evaluated = new ArrayList<>(households);
        evaluated.addAll(repeatingHouseholds);
        coverage.evaluated(evaluated, written, rulesetVersion, asOf, at);
    }
}
