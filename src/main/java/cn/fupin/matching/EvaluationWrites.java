package cn.fupin.matching;

import cn.fupin.household.HouseholdSnapshots;
import cn.fupin.household.VersionedHousehold;
import cn.fupin.system.Sha256;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inserts evaluations as one batch per table: one household's, or a whole chunk of a bulk run. An evaluation
 * row is small; what it read and what it answered are written once and referred to (sql/V24): the
 * household's snapshot once per version, by the first evaluation that reads that version, and its answer
 * only when it differs from the household's latest one (the SHA-256 of its JSON, kept with the latest
 * evaluation in household_evaluated). Callers hold the households' locks, so the numbering of a household's
 * answers and the check for its snapshot cannot race.
 */
@Repository
class EvaluationWrites {

    /** One evaluation to record: the household as locked and what it changes in the ledger. */
    record Recorded(VersionedHousehold household, LedgerChange change) {}

    /** The answer an evaluation refers to, as kept with the household's latest evaluation. */
    record Answer(int resultNo, String digest) {}

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
    Map<String, Answer> insert(
            List<Recorded> evaluations,
            LocalDate asOf,
            String rulesetVersion,
            Instant at,
            String user,
            String reevaluationId) {
        if (evaluations.isEmpty()) {
            return Map.of();
        }
        List<String> ids =
                evaluations.stream().map(e -> e.change().householdId()).toList();
        Map<String, Answer> latest = latestAnswers(ids);
        Set<String> snapshotted = snapshotted(ids);
        List<Object[]> newSnapshots = new ArrayList<>();
        List<Object[]> newResults = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>(evaluations.size());
        Map<String, Answer> answers = new HashMap<>();
        Timestamp time = Timestamp.from(at);
        for (Recorded e : evaluations) {
            String householdId = e.change().householdId();
            long version = e.household().version();
            if (snapshotted.add(householdId + "/" + version)) {
                newSnapshots.add(new Object[] {
                    householdId, version, snapshots.write(e.household().household())
                });
            }
            String result = json.writeValueAsString(e.change().recorded());
            String digest = Sha256.hex(result);
            Answer before = latest.get(householdId);
            Answer answer;
            if (before != null && digest.equals(before.digest())) {
                answer = before;
            } else {
                answer = new Answer(before == null ? 1 : before.resultNo() + 1, digest);
                newResults.add(new Object[] {householdId, answer.resultNo(), result});
            }
            latest.put(householdId, answer);
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
        jdbc.batchUpdate("""
                INSERT INTO evaluation (evaluation_id, household_id, as_of, ruleset_version, evaluated_at, evaluated_by,
                       household_version, result_no, reevaluation_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
        return answers;
    }

    /**
     * The answer of each household's latest evaluation. None for a household never evaluated, nor for one
     * whose latest evaluation was recorded before V24 with its answer in its own row (its numbering starts).
     */
    private Map<String, Answer> latestAnswers(List<String> householdIds) {
        Map<String, Answer> latest = new HashMap<>();
        jdbc.query(
                "SELECT household_id, result_no, result_digest FROM household_evaluated WHERE household_id IN ("
                        + marks(householdIds) + ") AND result_no IS NOT NULL",
                rs -> {
                    latest.put(rs.getString(1), new Answer(rs.getInt(2), rs.getString(3)));
                },
                householdIds.toArray());
        return latest;
    }

    /** "id/version" of every snapshot these households have. */
    private Set<String> snapshotted(List<String> householdIds) {
        Set<String> kept = new HashSet<>();
        jdbc.query(
                "SELECT household_id, household_version FROM household_snapshot WHERE household_id IN ("
                        + marks(householdIds) + ")",
                rs -> {
                    kept.add(rs.getString(1) + "/" + rs.getLong(2));
                },
                householdIds.toArray());
        return kept;
    }

    private static String marks(List<String> ids) {
        return String.join(",", Collections.nCopies(ids.size(), "?"));
    }
}
