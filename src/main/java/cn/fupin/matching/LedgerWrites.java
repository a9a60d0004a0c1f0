package cn.fupin.matching;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The ledger writes of an evaluation, as batched statements: keeping, adding and withdrawing entries.
 * Saving each entry as a whole aggregate would rewrite its history every time; an evaluation only ever
 * appends to it. Callers hold the household's lock.
 */
@Repository
class LedgerWrites {

    /** A current entry: its id, measure and target, status, rule and reason, and how many history rows it has. */
    record Current(String recommendationId, String target, RecommendationStatus status, String rule, String reason,
                   int changes) {

        boolean sameGrounds(Recommendation r) {
            return rule.equals(r.rule()) && reason.equals(r.reason());
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    LedgerWrites(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Current> current(String householdId) {
        return jdbc.query("""
                SELECT r.recommendation_id, r.measure, r.member_id, r.status, r.rule_name, r.reason,
                       (SELECT COUNT(*) FROM recommendation_status_change c
                         WHERE c.recommendation_id = r.recommendation_id) AS changes
                  FROM recommendation r
                 WHERE r.household_id = :householdId AND r.current_flag = 1
                """, new MapSqlParameterSource("householdId", householdId),
                (rs, i) -> new Current(rs.getString("recommendation_id"),
                        rs.getString("measure") + "@" + rs.getString("member_id"),
                        RecommendationStatus.valueOf(rs.getString("status")), rs.getString("rule_name"),
                        rs.getString("reason"), rs.getInt("changes")));
    }

    /**
     * Still matched, on other grounds or figures: the same entry takes the rule and reason of this evaluation;
     * the status is kept. Entries matched on the same grounds are not written at all.
     */
    void regrounded(List<Recommendation> kept, String evaluationId, String rulesetVersion, Instant at) {
        jdbc.batchUpdate("""
                UPDATE recommendation SET rule_name = :rule, reason = :reason, evaluation_id = :evaluationId,
                       ruleset_version = :rulesetVersion, updated_at = :at, version = version + 1
                 WHERE recommendation_id = :id
                """, kept.stream().map(r -> new MapSqlParameterSource()
                        .addValue("rule", r.rule()).addValue("reason", r.reason())
                        .addValue("evaluationId", evaluationId).addValue("rulesetVersion", rulesetVersion)
                        .addValue("at", Timestamp.from(at)).addValue("id", r.recommendationId()))
                .toArray(SqlParameterSource[]::new));
    }

    /** Newly matched: a new entry, RECOMMENDED, its history starting with that. */
    void add(String householdId, List<Recommendation> added, String evaluationId, String rulesetVersion,
             String user, Instant at) {
        jdbc.batchUpdate("""
                INSERT INTO recommendation (recommendation_id, household_id, measure, member_id, current_flag,
                       status, rule_name, reason, evaluation_id, ruleset_version, created_at, updated_at, version)
                VALUES (:id, :householdId, :measure, :memberId, 1, 'RECOMMENDED', :rule, :reason, :evaluationId,
                       :rulesetVersion, :at, :at, 0)
                """, added.stream().map(r -> new MapSqlParameterSource()
                        .addValue("id", r.recommendationId()).addValue("householdId", householdId)
                        .addValue("measure", r.measure().name())
                        .addValue("memberId", r.memberId() == null ? "" : r.memberId())
                        .addValue("rule", r.rule()).addValue("reason", r.reason())
                        .addValue("evaluationId", evaluationId).addValue("rulesetVersion", rulesetVersion)
                        .addValue("at", Timestamp.from(at)))
                .toArray(SqlParameterSource[]::new));
        history(added.stream().map(r -> change(r.recommendationId(), 0, RecommendationStatus.RECOMMENDED,
                "evaluation " + evaluationId, user, at)).toArray(SqlParameterSource[]::new));
    }

    /** No longer matched: WITHDRAWN, no longer current, kept with its history. */
    void withdraw(List<Current> withdrawn, String evaluationId, String user, Instant at) {
        jdbc.batchUpdate("""
                UPDATE recommendation SET status = 'WITHDRAWN', current_flag = NULL, updated_at = :at,
                       version = version + 1
                 WHERE recommendation_id = :id
                """, withdrawn.stream().map(c -> new MapSqlParameterSource()
                        .addValue("at", Timestamp.from(at)).addValue("id", c.recommendationId()))
                .toArray(SqlParameterSource[]::new));
        history(withdrawn.stream().map(c -> change(c.recommendationId(), c.changes(), RecommendationStatus.WITHDRAWN,
                "no longer matched by evaluation " + evaluationId, user, at)).toArray(SqlParameterSource[]::new));
    }

    private void history(SqlParameterSource[] changes) {
        jdbc.batchUpdate("""
                INSERT INTO recommendation_status_change (recommendation_id, position, status, note, changed_by, changed_at)
                VALUES (:id, :position, :status, :note, :user, :at)
                """, changes);
    }

    private static SqlParameterSource change(String id, int position, RecommendationStatus status, String note,
                                             String user, Instant at) {
        return new MapSqlParameterSource().addValue("id", id).addValue("position", position)
                .addValue("status", status.name()).addValue("note", note).addValue("user", user)
                .addValue("at", Timestamp.from(at));
    }
}
