package cn.fupin.matching;

import cn.fupin.household.HouseholdSnapshots;
import cn.fupin.household.VersionedHousehold;
import cn.fupin.system.Sha256;
import cn.fupin.system.SqlLists;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inserts evaluations as one batch per table: one household's, or a whole chunk of a bulk run. An evaluation
 * row is small; what it read and what it answered are written once and referred to (sql/V24): the
 * household's snapshot once per version, by the first evaluation that reads that version, and its answer
 * only when it differs from the household's latest one (the SHA-256 of its fields, kept with the latest
 * evaluation in household_evaluated). A run's evaluation that read the same version as the household's latest
 * one and gave the same answer writes no evaluation row but a narrow row referring to that one (sql/V26).
 * Callers hold the households' locks, so the numbering of a household's answers, the check for its snapshot
 * and the latest evaluation a repeat refers to cannot race.
 */
@Repository
class EvaluationWrites {

    /** One evaluation to record: the household as locked and what it changes in the ledger. */
    record Recorded(VersionedHousehold household, LedgerChange change) {}

    /**
     * The answer an evaluation refers to, as kept with the household's latest evaluation: its number, the
     * digest of all its fields, and the digest of what the rules decided (without ledger ids and statuses;
     * null once the household's ledger has moved since, see {@link #decisions}).
     */
    record Answer(int resultNo, String digest, String decisions) {}

    /**
     * What was written: the answer each household's evaluation refers to; the households whose evaluation
     * read the same version as their latest one and gave the same answer (in a monthly re-screening, nearly
     * all), so that what is kept of their latest evaluation stands but for its date and run; and the run whose
     * narrow rows record repeats (null if none), with the households so recorded; and the seq of each evaluation
     * row written, by household (sql/V28: household_evaluated keeps it).
     */
    record Written(
            Map<String, Answer> answers,
            Set<String> repeats,
            Long repeatRun,
            Set<String> repeatedByRun,
            Map<String, Long> rows) {}

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final HouseholdSnapshots snapshots;

    EvaluationWrites(JdbcTemplate jdbc, JsonMapper json, HouseholdSnapshots snapshots) {
        this.jdbc = jdbc;
        this.json = json;
        this.snapshots = snapshots;
    }

    /**
     * Writes the evaluations, the snapshots and answers they are the first to refer to, and returns, by
     * household id, the answer each refers to (for the household's latest evaluation).
     */
    Written insert(
            List<Recorded> evaluations,
            LocalDate asOf,
            String rulesetVersion,
            Instant at,
            String user,
            String reevaluationId) {
        return insert(evaluations, Map.of(), asOf, rulesetVersion, at, user, reevaluationId);
    }

    /**
     * The same, with households of a run known to repeat their latest evaluation ({@link #repeating}), whose
     * ledger was not read: each is recorded as a repeat of that evaluation, with its answer.
     */
    Written insert(
            List<Recorded> evaluations,
            Map<String, Latest> repeating,
            LocalDate asOf,
            String rulesetVersion,
            Instant at,
            String user,
            String reevaluationId) {
        if (evaluations.isEmpty() && repeating.isEmpty()) {
            return new Written(Map.of(), Set.of(), null, Set.of(), Map.of());
        }
        Map<String, Answer> answers = new HashMap<>();
        Set<String> repeats = new HashSet<>();
        List<String> repeatedByRun = new ArrayList<>();
        repeating.forEach((id, l) -> {
            answers.put(id, l.answer());
            repeats.add(id);
            repeatedByRun.add(id);
        });
        List<String> ids =
                evaluations.stream().map(e -> e.change().householdId()).toList();
        Map<String, Latest> evaluated = ids.isEmpty() ? Map.of() : latest(ids);
        Map<String, Answer> latest = new HashMap<>();
        evaluated.forEach((id, l) -> latest.put(id, l.answer()));
        Map<String, Long> repeatedRows = new HashMap<>();
        repeating.forEach((id, l) -> repeatedRows.put(id, l.seq()));
        // A household whose latest evaluation read the version now has its snapshot: that evaluation wrote it.
        List<String> unknown =
                ids.stream().filter(id -> !evaluated.containsKey(id)).toList();
        Set<String> snapshotted = snapshotted(unknown);
        evaluated.forEach((id, l) -> snapshotted.add(id + "/" + l.householdVersion()));
        List<Object[]> newSnapshots = new ArrayList<>();
        List<Object[]> newResults = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>(evaluations.size());
        Timestamp time = Timestamp.from(at);
        for (Recorded e : evaluations) {
            String householdId = e.change().householdId();
            long version = e.household().version();
            if (snapshotted.add(householdId + "/" + version)) {
                newSnapshots.add(new Object[] {
                    householdId, version, snapshots.write(e.household().household())
                });
            }
            String digest = digest(e.change().recorded());
            Answer before = latest.get(householdId);
            Answer answer;
            if (before != null && digest.equals(before.digest())) {
                // Its decisions too: a digest kept null since the ledger moved is known again.
                answer = new Answer(
                        before.resultNo(), digest, decisions(e.change().recorded()));
                if (evaluated.get(householdId).householdVersion() == version) {
                    if (before.decisions() != null) {
                        repeats.add(householdId); // its latest row stands but for the date and run
                    }
                    if (reevaluationId != null) {
                        // A run's evaluation that changes nothing: one narrow row (sql/V26).
                        answers.put(householdId, answer);
                        repeatedByRun.add(householdId);
                        repeatedRows.put(householdId, evaluated.get(householdId).seq());
                        continue;
                    }
                }
            } else {
                answer = new Answer(
                        before == null ? 1 : before.resultNo() + 1,
                        digest,
                        decisions(e.change().recorded()));
                newResults.add(new Object[] {
                    householdId,
                    answer.resultNo(),
                    json.writeValueAsString(e.change().recorded())
                });
            }
            answers.put(householdId, answer);
            rows.add(new Object[] {
                e.change().evaluationId(),
                householdId,
                Date.valueOf(asOf),
                rulesetVersion,
                time,
                user,
                version,
                answer.resultNo(),
                reevaluationId
            });
        }
        if (!newSnapshots.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO household_snapshot (household_id, household_version, snapshot) VALUES (?, ?, ?)",
                    newSnapshots);
        }
        if (!newResults.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO evaluation_result (household_id, result_no, result) VALUES (?, ?, ?)", newResults);
        }
        Long repeatRun = repeatedByRun.isEmpty() ? null : insertRepeats(reevaluationId, repeatedRows, time);
        if (rows.isEmpty()) {
            return new Written(answers, repeats, repeatRun, Set.copyOf(repeatedByRun), Map.of());
        }
        String insert = """
                INSERT INTO evaluation (evaluation_id, household_id, as_of, ruleset_version, evaluated_at, evaluated_by,
                       household_version, result_no, reevaluation_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """;
        Map<String, Long> seqs = new HashMap<>();
        if (rows.size() == 1) {
            // A single evaluation: the key its one-row insert generated is its own.
            Object[] row = rows.get(0);
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.update(
                    con -> {
                        PreparedStatement ps = con.prepareStatement(insert, new String[] {"seq"});
                        new ArgumentPreparedStatementSetter(row).setValues(ps);
                        return ps;
                    },
                    key);
            seqs.put((String) row[1], key.getKeyAs(Number.class).longValue());
        } else {
            jdbc.batchUpdate(insert, rows);
            // Their seqs, read back by id: keys generated by a multi-row insert are consecutive only in some of
            // InnoDB's auto-increment lock modes, and a subquery in the upsert of household_evaluated kept the
            // driver from rewriting it into multi-row statements (the first run of the province 108 → 132 s).
            jdbc.query(
                    "SELECT household_id, seq FROM evaluation WHERE evaluation_id IN (" + SqlLists.marks(rows.size())
                            + ")",
                    rs -> {
                        seqs.put(rs.getString(1), rs.getLong(2));
                    },
                    rows.stream().map(r -> r[0]).toArray());
        }
        return new Written(answers, repeats, repeatRun, Set.copyOf(repeatedByRun), seqs);
    }

    /**
     * A run's evaluations that repeat the households' latest ones, each referring to that evaluation's row (the
     * latest by seq: a repeat writes none), as one batch. The row is the one household_evaluated names, or for
     * a household last evaluated before sql/V28 (null here) the latest by seq.
     */
    private long insertRepeats(String reevaluationId, Map<String, Long> repeatedRows, Timestamp at) {
        long runNo = jdbc.queryForObject(
                "SELECT seq FROM reevaluation WHERE reevaluation_id = ?", Long.class, reevaluationId);
        Map<String, Long> repeated = new HashMap<>(repeatedRows);
        List<String> unknown = repeatedRows.entrySet().stream()
                .filter(e -> e.getValue() == null)
                .map(Map.Entry::getKey)
                .toList();
        if (!unknown.isEmpty()) {
            jdbc.query(
                    "SELECT household_id, MAX(seq) FROM evaluation WHERE household_id IN ("
                            + SqlLists.marks(unknown.size()) + ") GROUP BY household_id",
                    rs -> {
                        repeated.put(rs.getString(1), rs.getLong(2));
                    },
                    unknown.toArray());
            // Once per household after the upgrade: its next run finds the row without MAX(seq).
            jdbc.batchUpdate(
                    "UPDATE household_evaluated SET latest_seq = ? WHERE household_id = ?",
                    unknown.stream()
                            .map(id -> new Object[] {repeated.get(id), id})
                            .toList());
        }
        // In key order, as the chunk's households are: rows appended in order fill their pages, rows in the
        // order of a hash map split them half-empty (34 MB a run of the province instead of 18).
        List<Object[]> rows = new ArrayList<>(repeated.size());
        for (String id : repeated.keySet().stream().sorted().toList()) {
            rows.add(new Object[] {runNo, id, repeated.get(id), at});
        }
        // Rewritten into multi-row statements by the MySQL driver (rewriteBatchedStatements).
        jdbc.batchUpdate(
                "INSERT INTO evaluation_repeat (run_no, household_id, repeats_seq, evaluated_at) VALUES (?, ?, ?, ?)",
                rows);
        return runNo;
    }

    /**
     * A household's latest evaluation recorded since V24: the version it read, the answer it refers to, and the
     * seq of its evaluation row (of the row it repeats for a run's repeat; null if recorded before V28).
     */
    record Latest(long householdVersion, Answer answer, Long seq) {}

    /**
     * The latest evaluation of each of these households, from household_evaluated. None for a household never
     * evaluated, nor for one whose latest evaluation was recorded before V24 with its answer in its own row
     * (its numbering starts).
     */
    Map<String, Latest> latest(List<String> householdIds) {
        Map<String, Latest> latest = new HashMap<>();
        jdbc.query(
                "SELECT household_id, household_version, result_no, result_digest, decision_digest, latest_seq"
                        + " FROM household_evaluated WHERE household_id IN (" + SqlLists.marks(householdIds.size())
                        + ") AND result_no IS NOT NULL",
                rs -> {
                    latest.put(
                            rs.getString(1),
                            new Latest(
                                    rs.getLong(2),
                                    new Answer(rs.getInt(3), rs.getString(4), rs.getString(5)),
                                    rs.getObject(6, Long.class)));
                },
                householdIds.toArray());
        return latest;
    }

    /**
     * The households, of those given with the versions locked and what the rules matched, whose evaluation
     * would repeat their latest one: the same version, the same decisions, and a ledger unchanged since (the
     * decisions' digest is cleared when a status moves). Their answer is that evaluation's, ids and statuses
     * included, so their ledger need not be read.
     */
    Map<String, Latest> repeating(List<VersionedHousehold> households, Map<String, List<Recommendation>> matched) {
        if (households.isEmpty()) {
            return Map.of();
        }
        Map<String, Latest> latest =
                latest(households.stream().map(h -> h.household().householdId()).toList());
        Map<String, Latest> repeating = new LinkedHashMap<>();
        for (VersionedHousehold h : households) {
            String id = h.household().householdId();
            Latest l = latest.get(id);
            if (l != null
                    && l.householdVersion() == h.version()
                    && l.answer().decisions() != null
                    && l.answer().decisions().equals(decisions(matched.get(id)))) {
                repeating.put(id, l);
            }
        }
        return repeating;
    }

    /** "id/version" of every snapshot these households have. */
    private Set<String> snapshotted(List<String> householdIds) {
        Set<String> kept = new HashSet<>();
        if (householdIds.isEmpty()) {
            return kept;
        }
        jdbc.query(
                "SELECT household_id, household_version FROM household_snapshot WHERE household_id IN ("
                        + SqlLists.marks(householdIds.size()) + ")",
                rs -> {
                    kept.add(rs.getString(1) + "/" + rs.getLong(2));
                },
                householdIds.toArray());
        return kept;
    }

    /**
     * The SHA-256 of an answer: of every field of its recommendations, in order, each ended by a NUL (a null
     * field by a lone SOH). Equal answers, equal digests, without writing the JSON of each answer to compare it.
     */
    static String digest(List<Recommendation> answer) {
        return digest(answer, true);
    }

    /** The same over what the rules decided: every field but the ledger's id and status. */
    static String decisions(List<Recommendation> answer) {
        return digest(answer, false);
    }

    private static String digest(List<Recommendation> answer, boolean withLedger) {
        MessageDigest digest = Sha256.digest();
        for (Recommendation r : answer) {
            for (Object field : new Object[] {
                withLedger ? r.recommendationId() : null,
                r.measure(),
                r.action(),
                r.measureName(),
                r.memberId(),
                r.rule(),
                r.reason(),
                withLedger ? r.status() : null
            }) {
                if (field == null) {
                    digest.update((byte) 1);
                } else {
                    digest.update(field.toString().getBytes(StandardCharsets.UTF_8));
                }
                digest.update((byte) 0);
            }
            digest.update((byte) '\n');
        }
        return Sha256.hex(digest);
    }
}
