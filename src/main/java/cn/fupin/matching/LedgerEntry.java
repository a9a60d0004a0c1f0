package cn.fupin.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A recommendation in the ledger: one measure for one target of one household, its current status and
 * its history. {@code memberId} is "" for a household measure; {@code currentFlag} is 1 until the entry is
 * withdrawn and null after (see the schema's unique key).
 */
@Table("recommendation")
record LedgerEntry(
        @Id String recommendationId,
        String householdId,
        Measure measure,
        String memberId,
        Integer currentFlag,
        RecommendationStatus status,
        @Column("rule_name") String rule,
        String reason,
        String evaluationId,
        String rulesetVersion,
        Instant createdAt,
        Instant updatedAt,
        @Version Long version,

        @MappedCollection(idColumn = "recommendation_id", keyColumn = "position")
        List<StatusChange> history) {

    LedgerEntry moveTo(RecommendationStatus next, String note, String user, Instant at) {
        List<StatusChange> changes = new ArrayList<>(history);
        changes.add(new StatusChange(next, note, user, at));
        return new LedgerEntry(
                recommendationId,
                householdId,
                measure,
                memberId,
                currentFlag,
                next,
                rule,
                reason,
                evaluationId,
                rulesetVersion,
                createdAt,
                at,
                version,
                changes);
    }

    Recommendation toRecommendation() {
        return new Recommendation(measure, memberId.isEmpty() ? null : memberId, rule, reason)
                .recorded(recommendationId, status);
    }
}
