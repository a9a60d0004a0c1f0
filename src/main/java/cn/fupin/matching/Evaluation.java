package cn.fupin.matching;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The answer to "what is this household entitled to on this date, and why": an evaluation. A recorded
 * evaluation also has its id and who asked for it, and the bulk re-evaluation it was part of, if any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evaluation(
        String evaluationId,
        String householdId,
        LocalDate asOf,
        String rulesetVersion,
        OffsetDateTime evaluatedAt,
        String evaluatedBy,
        List<Recommendation> recommendations,
        String reevaluationId) {

    /** An evaluation on its own, not part of a bulk re-evaluation. */
    public Evaluation(
            String evaluationId,
            String householdId,
            LocalDate asOf,
            String rulesetVersion,
            OffsetDateTime evaluatedAt,
            String evaluatedBy,
            List<Recommendation> recommendations) {
        this(evaluationId, householdId, asOf, rulesetVersion, evaluatedAt, evaluatedBy, recommendations, null);
    }
}
