package cn.fupin.matching;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;

/** A recommendation as the ledger keeps it: the measure and its status, with its whole history. */
public record LedgerEntryView(
        @JsonUnwrapped Recommendation recommendation,
        String householdId,
        String evaluationId,
        String rulesetVersion,
        Instant createdAt,
        Instant updatedAt,
        List<StatusChange> history) {

    static LedgerEntryView of(LedgerEntry entry) {
        return new LedgerEntryView(
                entry.toRecommendation(),
                entry.householdId(),
                entry.evaluationId(),
                entry.rulesetVersion(),
                entry.createdAt(),
                entry.updatedAt(),
                entry.history());
    }
}
