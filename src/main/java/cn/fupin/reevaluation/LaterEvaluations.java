package cn.fupin.reevaluation;

import cn.fupin.matching.BulkEvaluation;
import cn.fupin.system.SqlLists;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /**
     * A household's latest evaluation: its seq, or for a run's repeat (sql/V26) null and the run's seq; made
     * when it says.
     */
    private record Latest(String householdId, Long seq, Long repeatRun, LocalDate asOf, Instant evaluatedAt) {}

    List<BulkEvaluation.Skipped> among(Reevaluation run, List<String> householdIds) {
        if (householdIds.isEmpty()) {
            return List.of();
        }
        // household_evaluated keeps the latest evaluation's date, time, run (for a run's repeat) and row
        // (sql/V26, V28); where it does not yet (evaluated before V28, or never), the latest row by seq.
        Map<String, Latest> latest = new TreeMap<>();
        jdbc.query(
                "SELECT household_id, latest_seq, repeat_run, as_of, evaluated_at FROM household_evaluated"
                        + " WHERE household_id IN (" + SqlLists.marks(householdIds.size()) + ")"
                        + " AND as_of IS NOT NULL AND (latest_seq IS NOT NULL OR repeat_run IS NOT NULL)",
                rs -> {
                    Long repeatRun = rs.getObject(3, Long.class);
                    latest.put(
                            rs.getString(1),
                            new Latest(
                                    rs.getString(1),
                                    repeatRun == null ? rs.getObject(2, Long.class) : null,
                                    repeatRun,
                                    rs.getDate(4).toLocalDate(),
                                    rs.getTimestamp(5).toInstant()));
                },
                householdIds.toArray());
        List<String> rows =
                householdIds.stream().filter(id -> !latest.containsKey(id)).toList();
        if (!rows.isEmpty()) {
            jdbc.query(
                    """
                    SELECT e.household_id, e.seq, e.as_of, e.evaluated_at
                      FROM evaluation e
                      JOIN (SELECT household_id, MAX(seq) AS seq FROM evaluation
                             WHERE household_id IN (%s) GROUP BY household_id) l ON l.seq = e.seq
                    """.formatted(SqlLists.marks(rows.size())),
                    rs -> {
                        latest.put(
                                rs.getString(1),
                                new Latest(
                                        rs.getString(1),
                                        rs.getLong(2),
                                        null,
                                        rs.getDate(3).toLocalDate(),
                                        rs.getTimestamp(4).toInstant()));
                    },
                    rows.toArray());
        }
        List<BulkEvaluation.Skipped> skipped = new ArrayList<>();
        for (Latest e : latest.values()) {
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
     * By the evaluations' own order when the run kept where they stood; for a run asked for before that was
     * kept, by times in whole seconds, an evaluation in the run's second counting as after it. A run's repeat
     * is after this run was asked for when its run was asked for since (or is this one, its chunk done
     * already); a run asked for earlier can have recorded it since only if it was resumed after this one was
     * asked for (two overlapping runs never run at once), which needs a later second.
     */
    private static boolean after(Reevaluation run, Latest e) {
        if (e.repeatRun() != null) {
            return e.repeatRun() >= run.seq() || e.evaluatedAt().isAfter(run.requestedAt());
        }
        return run.evaluationsBefore() != null
                ? e.seq() > run.evaluationsBefore()
                : !e.evaluatedAt().isBefore(run.requestedAt());
    }
}
