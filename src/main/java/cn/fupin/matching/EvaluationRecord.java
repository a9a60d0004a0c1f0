package cn.fupin.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recorded evaluation: who asked, when, for which date, with which rule set, the household exactly as
 * evaluated ({@code input}, JSON: its version's snapshot; read only for a replay) and the recommendations it
 * produced ({@code result}, JSON); and the bulk re-evaluation it was part of, if any. Read through
 * {@link EvaluationRepository}, which joins the snapshot and the answer the row refers to (sql/V24).
 */
@Table("evaluation")
record EvaluationRecord(
        @Id String evaluationId,
        String householdId,
        LocalDate asOf,
        String rulesetVersion,
        Instant evaluatedAt,
        String evaluatedBy,
        long householdVersion,
        String input,
        String result,
        String reevaluationId) {

    private static final TypeReference<List<Recommendation>> RECOMMENDATIONS = new TypeReference<>() {};

    /** The recommendations this evaluation produced, as recorded. */
    List<Recommendation> recommendations(JsonMapper json) {
        return json.readValue(result, RECOMMENDATIONS);
    }

    @Override
    public String toString() {
        return "EvaluationRecord[" + evaluationId + " of " + householdId + "]";
    }
}
