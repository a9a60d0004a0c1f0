package cn.fupin.reevaluation;

import java.util.List;

import cn.fupin.household.HouseholdRegistry;
import cn.fupin.household.StoredHousehold;
import cn.fupin.matching.BulkEvaluation;
import cn.fupin.policy.RuleSet;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Re-evaluates one chunk of households (their ids, in key order) in one engine session, in the chunk's
 * transaction: a real run locks and records them as single evaluations are recorded; a dry run only
 * compares. Either writes the chunk's diff and adds to the run's counters in the same transaction, which
 * also holds the reader's position: a chunk is done entirely or not at all.
 */
class ReevaluationChunk implements ItemWriter<String> {

    private final Reevaluation run;
    private final RuleSet ruleSet;
    private final HouseholdRegistry registry;
    private final BulkEvaluation bulk;
    private final ReevaluationChanges changes;
    private final ReevaluationStore store;

    ReevaluationChunk(Reevaluation run, RuleSet ruleSet, HouseholdRegistry registry, BulkEvaluation bulk,
                      ReevaluationChanges changes, ReevaluationStore store) {
        this.run = run;
        this.ruleSet = ruleSet;
        this.registry = registry;
        this.bulk = bulk;
        this.changes = changes;
        this.store = store;
    }

    @Override
    public void write(Chunk<? extends String> chunk) {
        List<String> ids = List.copyOf(chunk.getItems());
        BulkEvaluation.Outcome outcome;
        if (run.dryRun()) {
            List<StoredHousehold> households = registry.findAll(ids);
            outcome = bulk.compare(ruleSet, households, run.asOf());
        } else {
            List<StoredHousehold> households = registry.lockAll(ids);
            outcome = bulk.record(ruleSet, households, run.asOf(), run.requestedBy(), run.reevaluationId());
        }
        int changed = changes.write(run.reevaluationId(), outcome);
        store.progress(run.reevaluationId(), ids.size(), changed, outcome.skipped().size());
    }
}
