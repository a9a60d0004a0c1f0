package cn.fupin.matching;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Inserts evaluation rows as one batch: one household's, or a whole chunk of a bulk run. */
@Repository
class EvaluationWrites {

    private final JdbcTemplate jdbc;

    EvaluationWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(List<EvaluationRecord> evaluations) {
        jdbc.batchUpdate("""
                INSERT INTO evaluation (evaluation_id, household_id, as_of, ruleset_version, evaluated_at, evaluated_by,
                       household_version, input, result, reevaluation_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, evaluations, evaluations.size(), (ps, e) -> {
            ps.setString(1, e.evaluationId());
            ps.setString(2, e.householdId());
            ps.setDate(3, Date.valueOf(e.asOf()));
            ps.setString(4, e.rulesetVersion());
            ps.setTimestamp(5, Timestamp.from(e.evaluatedAt()));
            ps.setString(6, e.evaluatedBy());
            ps.setLong(7, e.householdVersion());
            ps.setString(8, e.input());
            ps.setString(9, e.result());
            ps.setString(10, e.reevaluationId());
        });
    }
}
