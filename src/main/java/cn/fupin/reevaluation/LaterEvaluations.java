package cn.fupin.reevaluation;

import cn.fupin.matching.BulkEvaluation;
import cn.fupin.system.SqlLists;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The households of a chunk that a real run must leave as they are, because their latest evaluation is newer
 * than what the run would record: made after the run was asked for (by a case worker or by another run,
 * perhaps with newer rules and with statuses moved since), or on a later date than the run's. Recording over
 * it put older rules or an older date back in the ledger and withdrew measures already delivered. They are
 * skipped and listed with the reason, like households that cannot be evaluated on the run's date.
 *
 * <p>Read after the chunk has locked the households, in its read-committed transaction: no evaluation of
 * theirs can commit in between, and one that committed while the chunk waited for a lock is seen.
 */
@Repository
class LaterEvaluations {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    LaterEvaluations(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Latest(String householdId, long seq, LocalDate asOf, Instant evaluatedAt) {}

    List<BulkEvaluation.Skipped> among(Reevaluation run, List<String> householdIds) {
        if (householdIds.isEmpty()) {
            return List.of();
        }
        String marks = SqlLists.marks(householdIds.size());
        List<Latest> latest = jdbc.query(
                """
                SELECT e.household_id, e.seq, e.as_of, e.evaluated_at
                  FROM evaluation e
                  JOIN (SELECT household_id, MAX(seq) AS seq FROM evaluation
                         WHERE household_id IN (%s) GROUP BY household_id) l ON l.seq = e.seq
                 ORDER BY e.household_id
                """.formatted(marks),
                (rs, i) -> new Latest(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getDate(3).toLocalDate(),
                        rs.getTimestamp(4).toInstant()),
                householdIds.toArray());
        List<BulkEvaluation.Skipped> skipped = new ArrayList<>();
        for (Latest e : latest) {
            if (after(run, e)) {
                skipped.add(new BulkEvaluation.Skipped(
                        e.householdId(),
                        "evaluated after this run started (at "
                                + e.evaluatedAt()
                                        .atZone(clock.getZone())
                                        .toOffsetDateTime()
                                        .truncatedTo(ChronoUnit.SECONDS)
                                + "): that evaluation stands"));
            } else if (e.asOf().isAfter(run.asOf())) {
                skipped.add(new BulkEvaluation.Skipped(
                        e.householdId(),
                        "evaluated as of " + e.asOf() + ", later than this run's date: that evaluation stands"));
            }
        }
        return skipped;
    }

    /**
     * By the evaluations' own order when the run kept where they stood; a run asked for before that was kept
     * compares times, in whole seconds, an evaluation in the run's second counting as after it.
     */
    private static boolean after(Reevaluation run, Latest e) {
        return run.evaluationsBefore() != null
                ? e.seq() > run.evaluationsBefore()
                : !e.evaluatedAt().isBefore(run.requestedAt());
    }
}
