package cn.fupin.matching;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The ledger writes of evaluations, as batched statements: keeping, adding and withdrawing entries, for one
 * household or for a chunk of a bulk run alike.
 * Saving each entry as a whole aggregate would rewrite its history every time; an evaluation only ever
 * appends to it. Callers hold the household's lock.
 */
@Repository
class LedgerWrites {

    /**
     * A current entry: its id, measure and target (memberId null for a household measure), status, rule and
     * reason.
     */
    record Current(
            String householdId,
            String recommendationId,
            Measure measure,
            String memberId,
            RecommendationStatus status,
            String rule,
            String reason) {

        String target() {
            return asRecommendation().target();
        }

        boolean sameGrounds(Recommendation r) {
            return rule.equals(r.rule()) && reason.equals(r.reason());
        }

        Recommendation asRecommendation() {
            return new Recommendation(measure, memberId, rule, reason).recorded(recommendationId, status);
        }
    }

    /** Everything an evaluation writes to the ledger, with who made it and when. */
    record Writes(List<LedgerChange> changes, String rulesetVersion, String user, Instant at) {}

    private final NamedParameterJdbcTemplate jdbc;

    LedgerWrites(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The current entries of these households, by household id (a household without any has no key). */
    Map<String, List<Current>> current(Collection<String> householdIds) {
        if (householdIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Current>> byHousehold = new HashMap<>();
        jdbc.query("""
                SELECT r.household_id, r.recommendation_id, r.measure, r.member_id, r.status, r.rule_name, r.reason
                  FROM recommendation r
                 WHERE r.household_id IN (:householdIds) AND r.current_flag = 1
                """, new MapSqlParameterSource("householdIds", householdIds), rs -> {
            String memberId = rs.getString("member_id");
            Current entry = new Current(
                    rs.getString("household_id"),
                    rs.getString("recommendation_id"),
                    Measure.valueOf(rs.getString("measure")),
                    memberId.isEmpty() ? null : memberId,
                    RecommendationStatus.valueOf(rs.getString("status")),
                    rs.getString("rule_name"),
                    rs.getString("reason"));
            byHousehold
                    .computeIfAbsent(entry.householdId(), id -> new ArrayList<>())
                    .add(entry);
        });
        return byHousehold;
    }

    /** Writes the changes of many evaluations as one batch per kind of statement. */
    void write(Writes writes) {
        Timestamp at = Timestamp.from(writes.at());
        Map<String, Integer> historyLengths = historyLengths(writes.changes().stream()
                .flatMap(c -> Stream.concat(
                        c.withdrawn().stream(), c.regrounded().stream().map(LedgerChange.Regrounded::was)))
                .map(Current::recommendationId)
                .toList());
        List<SqlParameterSource> regrounded = new ArrayList<>();
        List<SqlParameterSource> added = new ArrayList<>();
        List<SqlParameterSource> withdrawn = new ArrayList<>();
        List<SqlParameterSource> history = new ArrayList<>();
        for (LedgerChange change : writes.changes()) {
            String evaluationId = change.evaluationId();
            // Still matched, on other grounds or figures: the same entry takes this evaluation's rule and
            // reason; the status is kept, and its history keeps the grounds it had (a DELIVERED measure's
            // reason is what the household was told). Entries matched on the same grounds are not written.
            for (LedgerChange.Regrounded g : change.regrounded()) {
                Recommendation r = g.now();
                history.add(change(
                        r.recommendationId(),
                        historyLengths.get(r.recommendationId()),
                        g.was().status(),
                        regroundedNote(evaluationId, g.was()),
                        writes.user(),
                        at));
                regrounded.add(new MapSqlParameterSource()
                        .addValue("rule", r.rule())
                        .addValue("reason", r.reason())
                        .addValue("evaluationId", evaluationId)
                        .addValue("rulesetVersion", writes.rulesetVersion())
                        .addValue("at", at)
                        .addValue("id", r.recommendationId()));
            }
            // Newly matched: a new entry, RECOMMENDED, its history starting with that.
            for (Recommendation r : change.added()) {
                added.add(new MapSqlParameterSource()
                        .addValue("id", r.recommendationId())
                        .addValue("householdId", change.householdId())
                        .addValue("measure", r.measure().name())
                        .addValue("memberId", r.memberId() == null ? "" : r.memberId())
                        .addValue("rule", r.rule())
                        .addValue("reason", r.reason())
                        .addValue("evaluationId", evaluationId)
                        .addValue("rulesetVersion", writes.rulesetVersion())
                        .addValue("at", at));
                history.add(change(
                        r.recommendationId(),
                        0,
                        RecommendationStatus.RECOMMENDED,
                        "evaluation " + evaluationId,
                        writes.user(),
                        at));
            }
            // No longer matched: WITHDRAWN, no longer current, kept with its history.
            for (Current c : change.withdrawn()) {
                withdrawn.add(new MapSqlParameterSource().addValue("at", at).addValue("id", c.recommendationId()));
                history.add(change(
                        c.recommendationId(),
                        historyLengths.get(c.recommendationId()),
                        RecommendationStatus.WITHDRAWN,
                        "no longer matched by evaluation " + evaluationId,
                        writes.user(),
                        at));
            }
        }
        batch("""
                UPDATE recommendation SET rule_name = :rule, reason = :reason, evaluation_id = :evaluationId,
                       ruleset_version = :rulesetVersion, updated_at = :at, version = version + 1
                 WHERE recommendation_id = :id
                """, regrounded);
        batch("""
                INSERT INTO recommendation (recommendation_id, household_id, measure, member_id, current_flag,
                       status, rule_name, reason, evaluation_id, ruleset_version, created_at, updated_at, version)
                VALUES (:id, :householdId, :measure, :memberId, 1, 'RECOMMENDED', :rule, :reason, :evaluationId,
                       :rulesetVersion, :at, :at, 0)
                """, added);
        batch("""
                UPDATE recommendation SET status = 'WITHDRAWN', current_flag = NULL, updated_at = :at,
                       version = version + 1
                 WHERE recommendation_id = :id
                """, withdrawn);
        batch("""
                INSERT INTO recommendation_status_change (recommendation_id, position, status, note, changed_by, changed_at)
                VALUES (:id, :position, :status, :note, :user, :at)
                """, history);
    }

    /**
     * How many history rows each entry has: the position of its next one. Asked only for the entries being
     * withdrawn (a few per re-evaluation), not for every current entry read.
     */
    /** The history's note for new grounds: which evaluation gave them, and the old ones, within the column. */
    private static String regroundedNote(String evaluationId, Current was) {
        String note = "grounds replaced by evaluation " + evaluationId + "; before: " + was.rule() + "：" + was.reason();
        return note.length() <= 500 ? note : note.substring(0, 499) + "…";
    }

    private Map<String, Integer> historyLengths(List<String> recommendationIds) {
        Map<String, Integer> lengths = new HashMap<>();
        if (!recommendationIds.isEmpty()) {
            jdbc.query("""
                    SELECT recommendation_id, COUNT(*) FROM recommendation_status_change
                     WHERE recommendation_id IN (:ids) GROUP BY recommendation_id
                    """, new MapSqlParameterSource("ids", recommendationIds), rs -> {
                lengths.put(rs.getString(1), rs.getInt(2));
            });
        }
        return lengths;
    }

    private void batch(String sql, List<SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
        }
    }

    private static SqlParameterSource change(
            String id, int position, RecommendationStatus status, String note, String user, Timestamp at) {
        return new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("position", position)
                .addValue("status", status.name())
                .addValue("note", note)
                .addValue("user", user)
                .addValue("at", at);
    }
}
