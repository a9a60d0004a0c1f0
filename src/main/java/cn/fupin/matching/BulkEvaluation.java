package cn.fupin.matching;

import cn.fupin.household.Household;
import cn.fupin.household.VersionedHousehold;
import cn.fupin.policy.RuleSet;
import cn.fupin.system.FieldError;
import cn.fupin.system.FieldErrors;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates many households in one engine session (a chunk of a bulk re-evaluation) and either records
 * them exactly as single evaluations are recorded, or only compares them with what is recorded (a dry run).
 * Either way the answer is, per household, the measures gained and lost against its current ledger.
 */
@Service
public class BulkEvaluation {

    /** What the evaluation changes for one household: measures gained and lost (with their old status). */
    public record HouseholdOutcome(Household household, List<Recommendation> gained, List<Recommendation> lost) {

        public boolean changed() {
            return !gained.isEmpty() || !lost.isEmpty();
        }
    }

    /** A household that cannot be evaluated on the run's date, and why. */
    public record Skipped(String householdId, String reason) {}

    public record Outcome(List<HouseholdOutcome> households, List<Skipped> skipped) {}

    private final EvaluationRecorder recorder;
    private final Clock clock;

    BulkEvaluation(EvaluationRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    /**
     * Records households the caller's transaction has locked, prepared by {@link #prepare} and decided by a pass
     * of the engine the caller ran ({@link RuleSession#fireAll}, measures and quality checks together).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome record(
            RuleSet ruleSet,
            Prepared<VersionedHousehold> prepared,
            Map<String, List<Recommendation>> matched,
            LocalDate asOf,
            String user,
            String reevaluationId) {
        return recorded(ruleSet, prepared, matched, asOf, user, reevaluationId, true);
    }

    /** Evaluates households and compares them with their recorded measures; writes nothing. */
    public Outcome compare(RuleSet ruleSet, List<VersionedHousehold> households, LocalDate asOf) {
        return evaluate(ruleSet, households, asOf, null, null, false);
    }

    /**
     * Households split by whether they can be evaluated on a date: those that can (in their order), each
     * with the standards in force for it, and those that cannot (a member born later), with the reason.
     */
    public record Prepared<T>(List<T> evaluable, List<RuleSession.Input> inputs, List<Skipped> skipped) {}

    /** The split of a bulk run's chunk, the same for deciding measures and for the quality checks. */
    public static <T> Prepared<T> prepare(
            RuleSet ruleSet, List<T> households, Function<T, Household> household, LocalDate asOf) {
        List<T> evaluable = new ArrayList<>(households.size());
        List<RuleSession.Input> inputs = new ArrayList<>(households.size());
        List<Skipped> skipped = new ArrayList<>();
        for (T item : households) {
            Household h = household.apply(item);
            FieldErrors errors = new FieldErrors();
            HouseholdEvaluator.checkBornBy(h, asOf, errors);
            if (errors.isEmpty()) {
                evaluable.add(item);
                inputs.add(new RuleSession.Input(h, ruleSet.standards().resolve(h.regionCode(), asOf)));
            } else {
                FieldError first = errors.list().get(0);
                skipped.add(new Skipped(h.householdId(), first.field() + " " + first.message()));
            }
        }
        return new Prepared<>(evaluable, inputs, skipped);
    }

    private Outcome evaluate(
            RuleSet ruleSet,
            List<VersionedHousehold> households,
            LocalDate asOf,
            String user,
            String reevaluationId,
            boolean record) {
        Prepared<VersionedHousehold> prepared = prepare(ruleSet, households, VersionedHousehold::household, asOf);
        Map<String, List<Recommendation>> matched = RuleSession.run(ruleSet, prepared.inputs(), asOf);
        return recorded(ruleSet, prepared, matched, asOf, user, reevaluationId, record);
    }

    private Outcome recorded(
            RuleSet ruleSet,
            Prepared<VersionedHousehold> prepared,
            Map<String, List<Recommendation>> matched,
            LocalDate asOf,
            String user,
            String reevaluationId,
            boolean record) {
        List<VersionedHousehold> evaluable = prepared.evaluable();
        List<Skipped> skipped = prepared.skipped();
        // Households whose version, decisions and ledger are those of their latest evaluation change nothing,
        // and their ledger need not be read: in a monthly re-screening, nearly all of them.
        Map<String, EvaluationWrites.Latest> repeating = recorder.repeating(evaluable, matched);
        List<VersionedHousehold> compared = new ArrayList<>(evaluable.size() - repeating.size());
        List<VersionedHousehold> repeated = new ArrayList<>(repeating.size());
        Map<String, List<Recommendation>> toCompare = new LinkedHashMap<>();
        for (VersionedHousehold h : evaluable) {
            String id = h.household().householdId();
            if (repeating.containsKey(id)) {
                repeated.add(h);
            } else {
                compared.add(h);
                toCompare.put(id, matched.get(id));
            }
        }
        List<LedgerChange> changes = recorder.changes(toCompare);
        if (record && !evaluable.isEmpty()) {
            Instant at = clock.instant();
            recorder.write(compared, changes, repeated, repeating, asOf, ruleSet.version(), user, at, reevaluationId);
        }
        List<HouseholdOutcome> outcomes = new ArrayList<>(evaluable.size());
        for (int i = 0; i < changes.size(); i++) {
            LedgerChange change = changes.get(i);
            outcomes.add(new HouseholdOutcome(compared.get(i).household(), change.added(), change.lost()));
        }
        for (VersionedHousehold h : repeated) {
            outcomes.add(new HouseholdOutcome(h.household(), List.of(), List.of()));
        }
        return new Outcome(outcomes, skipped);
    }
}
