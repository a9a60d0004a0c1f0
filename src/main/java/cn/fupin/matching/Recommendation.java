package cn.fupin.matching;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A measure recommended for a household or one of its members (memberId null for a household measure),
 * with the rule that decided it and the reason in Chinese with the figures.
 */
public record Recommendation(
        Measure measure,
        Action action,
        String measureName,
        @JsonInclude(JsonInclude.Include.ALWAYS) String memberId,
        String rule,
        String reason) {

    public Recommendation(Measure measure, String memberId, String rule, String reason) {
        this(measure, measure.action(), measure.title(), memberId, rule, reason);
    }
}
