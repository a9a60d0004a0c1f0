package cn.fupin.matching;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A measure recommended for a household or one of its members (memberId null for a household measure),
 * with the rule that decided it and the reason in Chinese with the figures. Once recorded it also has
 * its id in the ledger and its status.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Recommendation(
        String recommendationId,
        Measure measure,
        Action action,
        String measureName,
        @JsonInclude(JsonInclude.Include.ALWAYS) String memberId,
        String rule,
        String reason,
        RecommendationStatus status) {

    /** As the rules answer it, before it is recorded. */
    public Recommendation(Measure measure, String memberId, String rule, String reason) {
        this(null, measure, measure.action(), measure.title(), memberId, rule, reason, null);
    }

    public Recommendation recorded(String recommendationId, RecommendationStatus status) {
        return new Recommendation(recommendationId, measure, action, measureName, memberId, rule, reason, status);
    }

    /** The measure and its target: what a recorded recommendation is matched on by later evaluations. */
    public String target() {
        return measure.name() + "@" + (memberId == null ? "" : memberId);
    }
}
