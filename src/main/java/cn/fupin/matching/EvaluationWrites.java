package cn.fupin.matching;

import java.sql.Date;
import java.sql.Timestamp;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Inserts an evaluation row: one plain statement on the hot path of every recorded evaluation. */
@Repository
class EvaluationWrites {

    private final JdbcTemplate jdbc;

    EvaluationWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(EvaluationRecord e) {
        jdbc.update("""
                INSERT INTO evaluation (evaluation_id, household_id, as_of, ruleset_version, evaluated_at, evaluated_by,
                       household_version, input, result)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, e.evaluationId(), e.householdId(), Date.valueOf(e.asOf()), e.rulesetVersion(),
                Timestamp.from(e.evaluatedAt()), e.evaluatedBy(), e.householdVersion(), e.input(), e.result());
    }
}
