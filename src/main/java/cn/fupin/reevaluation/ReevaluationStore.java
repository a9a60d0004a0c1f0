package cn.fupin.reevaluation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The reevaluation rows (what was asked for) and their counters, which each chunk adds to in its range's own
 * row (sql/V25): a run's counters are its ranges' sums, plus what its own row held before V25.
 */
@Repository
class ReevaluationStore {

    /** Every run with its counters summed, as a table to select from. */
    static final String RUNS = """
            (SELECT r.reevaluation_id, r.region_prefix, r.as_of, r.dry_run, r.ruleset_version, r.base_version,
                    r.standards_overrides, r.candidate_files, r.requested_by, r.requested_at, r.total,
                    r.processed_at_resume, r.quality_only, r.completed_at, r.evaluations_before, r.seq,
                    r.processed + COALESCE(p.processed, 0) AS processed,
                    r.changed_households + COALESCE(p.changed_households, 0) AS changed_households,
                    r.skipped + COALESCE(p.skipped, 0) AS skipped,
                    r.findings + COALESCE(p.findings, 0) AS findings
               FROM reevaluation r
               LEFT JOIN (SELECT reevaluation_id, SUM(processed) AS processed,
                                 SUM(changed_households) AS changed_households, SUM(skipped) AS skipped,
                                 SUM(findings) AS findings
                            FROM reevaluation_range_progress GROUP BY reevaluation_id) p
                 ON p.reevaluation_id = r.reevaluation_id) runs""";

    private final JdbcTemplate jdbc;

    ReevaluationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Reevaluation r) {
        jdbc.update(
                """
                INSERT INTO reevaluation (reevaluation_id, region_prefix, as_of, dry_run, ruleset_version, base_version,
                       standards_overrides, candidate_files, requested_by, requested_at, total, processed,
                       changed_households, skipped, processed_at_resume, quality_only, findings, evaluations_before)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, 0, ?)
                """,
                r.reevaluationId(),
                r.regionPrefix(),
                Date.valueOf(r.asOf()),
                r.dryRun() ? 1 : 0,
                r.rulesetVersion(),
                r.baseVersion(),
                r.standardsOverrides(),
                r.candidateFiles(),
                r.requestedBy(),
                Timestamp.from(r.requestedAt()),
                r.total(),
                r.qualityOnly() ? 1 : 0,
                r.evaluationsBefore());
    }

    /**
     * The highest evaluation seq committed now. An evaluation not yet committed at this moment has drawn a seq
     * of its own, usually above this one, and then counts as made after the run started.
     */
    long lastEvaluation() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM evaluation", Long.class);
    }

    /** Runs over households within a region (a part of it, or a larger area including it), newest first. */
    List<Reevaluation> page(String region, int page, int size) {
        return jdbc.query(
                "SELECT * FROM " + RUNS + " WHERE " + OVERLAPS + " ORDER BY seq DESC LIMIT ? OFFSET ?",
                ReevaluationStore::read,
                region + "%",
                region,
                size,
                (long) page * size);
    }

    long count(String region) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM reevaluation WHERE " + OVERLAPS, Long.class, region + "%", region);
    }

    private static final String OVERLAPS = "(region_prefix LIKE ? OR ? LIKE CONCAT(region_prefix, '%'))";

    Optional<Reevaluation> find(String id) {
        return jdbc.query("SELECT * FROM " + RUNS + " WHERE reevaluation_id = ?", ReevaluationStore::read, id).stream()
                .findFirst();
    }

    /**
     * Real runs asked for after this one (or in the same second: times are whole seconds) over some of its
     * households: they recorded newer evaluations, so this one may not resume over them.
     */
    List<Reevaluation> supersededBy(Reevaluation run) {
        return jdbc
                .query(
                        "SELECT * FROM " + RUNS
                                + " WHERE requested_at >= ? AND reevaluation_id <> ? AND dry_run = 0 AND quality_only = 0",
                        ReevaluationStore::read,
                        Timestamp.from(run.requestedAt()),
                        run.reevaluationId())
                .stream()
                .filter(r -> r.overlaps(run.regionPrefix()))
                .toList();
    }

    /**
     * Added in the transaction of each chunk, so that they stay exact whatever happens to the process: to the
     * chunk's range's row, which only that range's thread writes, so that ranges do not queue on one row.
     */
    void progress(String id, String range, int processed, int changed, int skipped, int findings) {
        jdbc.update("""
                INSERT INTO reevaluation_range_progress (reevaluation_id, range_name, processed, changed_households,
                       skipped, findings)
                VALUES (?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE processed = processed + VALUES(processed),
                       changed_households = changed_households + VALUES(changed_households),
                       skipped = skipped + VALUES(skipped), findings = findings + VALUES(findings)
                """, id, range, processed, changed, skipped, findings);
    }

    /** The run's job completed: its findings now stand for its whole region. */
    void completed(String id, Instant at) {
        jdbc.update("UPDATE reevaluation SET completed_at = ? WHERE reevaluation_id = ?", Timestamp.from(at), id);
    }

    /** A start or resume begins: the rate is counted from here. */
    void resumed(String id) {
        jdbc.update("""
                UPDATE reevaluation SET processed_at_resume = processed
                       + (SELECT COALESCE(SUM(p.processed), 0) FROM reevaluation_range_progress p
                           WHERE p.reevaluation_id = ?)
                 WHERE reevaluation_id = ?
                """, id, id);
    }

    private static Reevaluation read(ResultSet rs, int row) throws SQLException {
        return new Reevaluation(
                rs.getString("reevaluation_id"),
                rs.getString("region_prefix"),
                rs.getDate("as_of").toLocalDate(),
                rs.getInt("dry_run") == 1,
                rs.getString("ruleset_version"),
                rs.getString("base_version"),
                rs.getString("standards_overrides"),
                rs.getString("candidate_files"),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getLong("total"),
                rs.getLong("processed"),
                rs.getLong("changed_households"),
                rs.getLong("skipped"),
                rs.getLong("processed_at_resume"),
                rs.getInt("quality_only") == 1,
                rs.getLong("findings"),
                rs.getObject("evaluations_before") == null ? null : rs.getLong("evaluations_before"),
                rs.getLong("seq"));
    }
}
