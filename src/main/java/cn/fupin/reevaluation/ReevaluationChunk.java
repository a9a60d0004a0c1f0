package cn.fupin.reevaluation;

import cn.fupin.household.Household;
import cn.fupin.household.HouseholdRegistry;
import cn.fupin.household.VersionedHousehold;
import cn.fupin.matching.BulkEvaluation;
import cn.fupin.matching.RuleSession;
import cn.fupin.policy.RuleSet;
import cn.fupin.quality.FindingStore;
import cn.fupin.quality.QualityChecks;
import cn.fupin.quality.QualitySession;
import cn.fupin.system.audit.AuditTrail;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Re-evaluates one chunk of households (their ids, in key order) in one engine session, in the chunk's
 * transaction: a real run locks and records them as single evaluations are recorded; a dry run only
 * compares. Either writes the chunk's diff and adds to the run's counters in the same transaction, which
 * also holds the reader's position: a chunk is done entirely or not at all. A real run's writes are audited
 * in the same transaction, one row for the chunk ({@link RecordedChunk}), in the name of the user who started
 * the run.
 * A real run also records the quality findings of the households it recorded, from the same pass of the
 * engine that decides their measures; a quality-only run records
 * those findings alone and evaluates nothing. A real run leaves alone, and lists as skipped, households whose
 * latest evaluation is newer than what it would record ({@link LaterEvaluations}).
 */
class ReevaluationChunk implements ItemWriter<String> {

    private final Reevaluation run;
    private final String range;
    private final RuleSet ruleSet;
    private final HouseholdRegistry registry;
    private final BulkEvaluation bulk;
    private final ReevaluationChanges changes;
    private final ReevaluationStore store;
    private final AuditTrail audit;
    private final QualityChecks quality;
    private final FindingStore findings;
    private final LaterEvaluations later;

    ReevaluationChunk(
            Reevaluation run,
            String range,
            RuleSet ruleSet,
            HouseholdRegistry registry,
            BulkEvaluation bulk,
            ReevaluationChanges changes,
            ReevaluationStore store,
            AuditTrail audit,
            QualityChecks quality,
            FindingStore findings,
            LaterEvaluations later) {
        this.later = later;
        this.audit = audit;
        this.quality = quality;
        this.findings = findings;
        this.run = run;
        this.range = range;
        this.ruleSet = ruleSet;
        this.registry = registry;
        this.bulk = bulk;
        this.changes = changes;
        this.store = store;
    }

    @Override
    public void write(Chunk<? extends String> chunk) {
        List<String> ids = List.copyOf(chunk.getItems());
        if (run.qualityOnly()) {
            List<VersionedHousehold> households = registry.findAll(ids);
            QualityChecks.Checked checked =
                    quality.checkInRun(ruleSet, households(households), run.asOf(), run.reevaluationId());
            int findings = this.findings.record(run.reevaluationId(), checked.findings(), regions(households));
            changes.skipped(run.reevaluationId(), checked.skipped());
            store.progress(
                    run.reevaluationId(),
                    range,
                    ids.size(),
                    0,
                    checked.skipped().size(),
                    findings);
            return;
        }
        if (run.dryRun()) {
            BulkEvaluation.Outcome outcome = bulk.compare(ruleSet, registry.findAll(ids), run.asOf());
            store.progress(
                    run.reevaluationId(),
                    range,
                    ids.size(),
                    changes.write(run.reevaluationId(), outcome),
                    outcome.skipped().size(),
                    0);
            return;
        }
        List<VersionedHousehold> locked = registry.lockAll(ids);
        // Once they are locked, so that no newer evaluation of theirs can commit before this chunk does.
        List<BulkEvaluation.Skipped> newer = later.among(run, ids);
        Set<String> skipped = new HashSet<>();
        newer.forEach(s -> skipped.add(s.householdId()));
        List<VersionedHousehold> households = locked.stream()
                .filter(h -> !skipped.contains(h.household().householdId()))
                .toList();
        // Measures and quality checks in one pass of the engine over the same households, as locked.
        BulkEvaluation.Prepared<VersionedHousehold> prepared =
                BulkEvaluation.prepare(ruleSet, households, VersionedHousehold::household, run.asOf());
        RuleSession.Fired fired = RuleSession.fireAll(
                ruleSet,
                prepared.inputs(),
                quality.sharedIdNumbersInRun(
                        run.reevaluationId(),
                        prepared.evaluable().stream()
                                .map(h -> h.household().householdId())
                                .toList()),
                run.asOf());
        BulkEvaluation.Outcome recorded = bulk.record(
                ruleSet, prepared, fired.recommendations(), run.asOf(), run.requestedBy(), run.reevaluationId());
        recorded.skipped().forEach(s -> skipped.add(s.householdId()));
        List<VersionedHousehold> recordedHouseholds = households.stream()
                .filter(h -> !skipped.contains(h.household().householdId()))
                .toList();
        if (!recordedHouseholds.isEmpty()) {
            RecordedChunk audited = RecordedChunk.of(run.reevaluationId(), recordedHouseholds);
            audit.recordAll(
                    new AuditTrail.Actor(run.requestedBy(), "re-evaluation"),
                    RecordedChunk.ACTION,
                    List.of(audited.first()),
                    "RECORDED",
                    audited.detail());
        }
        int findings = this.findings.record(
                run.reevaluationId(), QualitySession.findings(prepared.inputs(), fired.facts()), regions(households));
        List<BulkEvaluation.Skipped> all = new ArrayList<>(newer);
        all.addAll(recorded.skipped());
        BulkEvaluation.Outcome outcome = new BulkEvaluation.Outcome(recorded.households(), all);
        store.progress(
                run.reevaluationId(),
                range,
                ids.size(),
                changes.write(run.reevaluationId(), outcome),
                all.size(),
                findings);
    }

    private static List<Household> households(List<VersionedHousehold> stored) {
        return stored.stream().map(VersionedHousehold::household).toList();
    }

    private static Map<String, String> regions(List<VersionedHousehold> stored) {
        Map<String, String> regions = new HashMap<>();
        stored.forEach(
                s -> regions.put(s.household().householdId(), s.household().regionCode()));
        return regions;
    }
}
