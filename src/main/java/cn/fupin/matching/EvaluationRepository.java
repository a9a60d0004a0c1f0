package cn.fupin.matching;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * Recorded evaluations, each with the input and the answer it refers to (sql/V24), or, recorded before that,
 * keeps in its own row; and a run's evaluations that repeat the household's latest one (sql/V26), each with
 * its run's date, rule set and user and the input and answer of the evaluation it repeats. Written by
 * {@link EvaluationWrites}.
 */
interface EvaluationRepository extends Repository<EvaluationRecord, String> {

    /**
     * Newest first, by insertion order (evaluations of a household are serialised on its row lock): a repeat
     * comes after the evaluation it repeats, and repeats of one evaluation in the order of their runs.
     */
    @Query(HISTORY + " ORDER BY u.after_seq DESC, u.repeat_run DESC")
    List<EvaluationRecord> findHistory(String householdId);

    @Query(HISTORY + " ORDER BY u.after_seq DESC, u.repeat_run DESC LIMIT 1")
    Optional<EvaluationRecord> findLatest(String householdId);

    /**
     * One evaluation of either kind with the household as it read it: a repeat is named
     * {@code <reevaluationId>.<householdId>} (a household id has no dot; an evaluation row's id is a UUID).
     */
    default Optional<EvaluationRecord> find(String evaluationId) {
        int dot = evaluationId.indexOf('.');
        return dot < 0
                ? findRecorded(evaluationId)
                : findRepeat(evaluationId.substring(0, dot), evaluationId.substring(dot + 1));
    }

    /** One evaluation row with the household as it read it. */
    @Query(RECORDED_WITH_INPUT + " WHERE e.evaluation_id = :evaluationId")
    Optional<EvaluationRecord> findRecorded(String evaluationId);

    /** A run's evaluation of a household that repeated its latest one, with the household as it read it. */
    @Query(REPEAT_WITH_INPUT)
    Optional<EvaluationRecord> findRepeat(String reevaluationId, String householdId);

    String HISTORY = """
            SELECT u.evaluation_id, u.household_id, u.as_of, u.ruleset_version, u.evaluated_at, u.evaluated_by,
                   u.household_version, u.reevaluation_id, u.result, NULL AS input
              FROM (SELECT e.evaluation_id, e.household_id, e.as_of, e.ruleset_version, e.evaluated_at,
                           e.evaluated_by, e.household_version, e.reevaluation_id,
                           COALESCE(e.result, r.result) AS result, e.seq AS after_seq, 0 AS repeat_run
                      FROM evaluation e
                      LEFT JOIN evaluation_result r ON r.household_id = e.household_id AND r.result_no = e.result_no
                     WHERE e.household_id = :householdId
                    UNION ALL
                    SELECT CONCAT(x.reevaluation_id, '.', e.household_id), e.household_id, x.as_of,
                           x.ruleset_version, p.evaluated_at, x.requested_by, e.household_version, x.reevaluation_id,
                           COALESCE(e.result, r.result), p.repeats_seq, p.run_no
                      FROM reevaluation x
                      JOIN evaluation_repeat p ON p.run_no = x.seq AND p.household_id = :householdId
                      JOIN evaluation e ON e.seq = p.repeats_seq
                      LEFT JOIN evaluation_result r ON r.household_id = e.household_id AND r.result_no = e.result_no
                   ) u
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

    String REPEAT_WITH_INPUT = """
            SELECT CONCAT(x.reevaluation_id, '.', e.household_id) AS evaluation_id, e.household_id, x.as_of,
                   x.ruleset_version, p.evaluated_at, x.requested_by AS evaluated_by, e.household_version,
                   x.reevaluation_id, COALESCE(e.result, r.result) AS result, COALESCE(e.input, s.snapshot) AS input
              FROM reevaluation x
              JOIN evaluation_repeat p ON p.run_no = x.seq AND p.household_id = :householdId
              JOIN evaluation e ON e.seq = p.repeats_seq
              LEFT JOIN evaluation_result r ON r.household_id = e.household_id AND r.result_no = e.result_no
              LEFT JOIN household_snapshot s
                ON s.household_id = e.household_id AND s.household_version = e.household_version
             WHERE x.reevaluation_id = :reevaluationId
            """;
}
