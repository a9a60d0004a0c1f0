package cn.fupin.matching;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * Recorded evaluations, each with the input and the answer it refers to (sql/V24), or, recorded before that,
 * keeps in its own row. Written by {@link EvaluationWrites}.
 */
interface EvaluationRepository extends Repository<EvaluationRecord, String> {

    /** Newest first, by insertion order (evaluations of a household are serialised on its row lock). */
    @Query(RECORDED_WITHOUT_INPUT + " WHERE e.household_id = :householdId ORDER BY e.seq DESC")
    List<EvaluationRecord> findHistory(String householdId);

    @Query(RECORDED_WITHOUT_INPUT + " WHERE e.household_id = :householdId ORDER BY e.seq DESC LIMIT 1")
    Optional<EvaluationRecord> findLatest(String householdId);

    /** One evaluation with the household as it read it. */
    @Query(RECORDED_WITH_INPUT + " WHERE e.evaluation_id = :evaluationId")
    Optional<EvaluationRecord> findRecorded(String evaluationId);

    String RECORDED_WITHOUT_INPUT = """
            SELECT e.evaluation_id, e.household_id, e.as_of, e.ruleset_version, e.evaluated_at, e.evaluated_by,
                   e.household_version, e.reevaluation_id, COALESCE(e.result, r.result) AS result, NULL AS input
              FROM evaluation e
              LEFT JOIN evaluation_result r ON r.household_id = e.household_id AND r.result_no = e.result_no
            """;

    String RECORDED_WITH_INPUT = """
            SELECT e.evaluation_id, e.household_id, e.as_of, e.ruleset_version, e.evaluated_at, e.evaluated_by,
                   e.household_version, e.reevaluation_id, COALESCE(e.result, r.result) AS result,
                   COALESCE(e.input, s.snapshot) AS input
              FROM evaluation e
              LEFT JOIN evaluation_result r ON r.household_id = e.household_id AND r.result_no = e.result_no
              LEFT JOIN household_snapshot s
                ON s.household_id = e.household_id AND s.household_version = e.household_version
            """;
}
