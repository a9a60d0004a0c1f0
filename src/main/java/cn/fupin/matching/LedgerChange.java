package cn.fupin.matching;

import cn.fupin.system.Ids;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one evaluation does to a household's ledger, from the measures it matched and the household's current
 * entries: a measure still matched for the same target keeps its entry (id, status, history; its rule and
 * reason are rewritten only when they changed), a measure no longer matched is withdrawn, a new one starts
 * RECOMMENDED. Single evaluations and bulk runs both record through this, so they cannot drift apart.
 *
 * @param recorded    the evaluation's recommendations with their ledger ids and statuses, in rule order
 * @param regrounded  kept entries whose rule or reason changed, each with the entry as it was
 * @param added       new entries (the measures gained)
 * @param withdrawn   entries no longer matched (the measures lost)
 */
record LedgerChange(
        String householdId,
        String evaluationId,
        List<Recommendation> recorded,
        List<Regrounded> regrounded,
        List<Recommendation> added,
        List<LedgerWrites.Current> withdrawn) {

    /** A kept entry given new grounds: as it is now, and as it was (its history keeps the old grounds). */
    record Regrounded(Recommendation now, LedgerWrites.Current was) {}

    static LedgerChange of(String householdId, List<Recommendation> matched, List<LedgerWrites.Current> current) {
        Map<String, LedgerWrites.Current> open = new LinkedHashMap<>();
        for (LedgerWrites.Current entry : current) {
            open.put(entry.target(), entry);
        }
        List<Recommendation> recorded = new ArrayList<>(matched.size());
        List<Regrounded> regrounded = new ArrayList<>();
        List<Recommendation> added = new ArrayList<>();
        for (Recommendation r : matched) {
            LedgerWrites.Current entry = open.remove(r.target());
            if (entry != null) {
                Recommendation same = r.recorded(entry.recommendationId(), entry.status());
                if (!entry.sameGrounds(r)) {
                    regrounded.add(new Regrounded(same, entry));
                }
                recorded.add(same);
            } else {
                Recommendation fresh = r.recorded(Ids.next(), RecommendationStatus.RECOMMENDED);
                added.add(fresh);
                recorded.add(fresh);
            }
        }
        return new LedgerChange(householdId, Ids.next(), recorded, regrounded, added, List.copyOf(open.values()));
    }

    /** The entries this evaluation withdraws, as recommendations with the status they had. */
    List<Recommendation> lost() {
        return withdrawn.stream().map(LedgerWrites.Current::asRecommendation).toList();
    }
}
