package cn.fupin.matching;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A recorded evaluation: who asked, when, for which date, with which rule set, the household exactly as
 * evaluated ({@code input}, JSON) and the recommendations it produced ({@code result}, JSON).
 */
@Table("evaluation")
record EvaluationRecord(@Id String evaluationId, String householdId, LocalDate asOf, String rulesetVersion,
                        Instant evaluatedAt, String evaluatedBy, long householdVersion, String input, String result) {

    @Override
    public String toString() {
        return "EvaluationRecord[" + evaluationId + " of " + householdId + "]";
    }
}
