package cn.fupin.reevaluation;

import cn.fupin.system.PersonalData;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Checks a run's evaluations against its audit rows ({@link RecordedChunk}): the chunks, in the order of
 * their first household, must tile the run's evaluations in household order, each chunk's count, first and
 * last household and digest of (household, version) pairs agreeing with the evaluations recorded (rows and
 * repeats alike, the view run_evaluation of sql/V26). An evaluation
 * no audit row accounts for, or an audit row whose evaluations are missing or read another version, is a
 * mismatch. The audit chain itself is verified by {@code GET /api/audit/verify}; together they show that the
 * trail proves what the run evaluated. A run recorded before chunks were audited left a row per household
 * (no version): its households are compared as a set.
 */
@Service
class RunAuditCheck {

    /** The answer: chunks and evaluations compared, and the first mismatch (null when they agree). */
    record Outcome(String reevaluationId, int chunks, long audited, long evaluations, boolean intact, String problem) {}

    private final JdbcTemplate jdbc;

    RunAuditCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Outcome check(String reevaluationId) {
        List<RecordedChunk> chunks = new ArrayList<>();
        jdbc.query(
                "SELECT household_id, detail FROM audit_event WHERE action = ? AND detail LIKE ? ORDER BY seq",
                rs -> {
                    RecordedChunk chunk = RecordedChunk.parse(rs.getString(1), rs.getString(2));
                    if (chunk != null && chunk.reevaluationId().equals(reevaluationId)) {
                        chunks.add(chunk);
                    }
                },
                RecordedChunk.ACTION,
                "run " + reevaluationId + " %");
        chunks.sort(Comparator.comparing(RecordedChunk::first));
        long audited = chunks.stream().mapToLong(RecordedChunk::households).sum();
        List<RecordedChunk.Pair> pairs = jdbc.query(
                "SELECT household_id, household_version FROM run_evaluation WHERE reevaluation_id = ?",
                (rs, i) -> new RecordedChunk.Pair(rs.getString(1), rs.getLong(2)),
                reevaluationId);
        pairs.sort(Comparator.comparing(RecordedChunk.Pair::householdId));
        if (chunks.isEmpty()) {
            // A run recorded before chunks were audited left a row per household, without versions.
            Set<String> rows = new TreeSet<>(jdbc.queryForList(
                    "SELECT household_id FROM audit_event WHERE action = ? AND detail = ?",
                    String.class,
                    RecordedChunk.ACTION,
                    "re-evaluation " + reevaluationId));
            if (!rows.isEmpty()) {
                Set<String> evaluated = new TreeSet<>();
                pairs.forEach(p -> evaluated.add(PersonalData.redact(p.householdId())));
                String problem = rows.equals(evaluated)
                        ? null
                        : "the run's audit rows (one per household) name other households than its evaluations";
                return new Outcome(reevaluationId, 0, rows.size(), pairs.size(), problem == null, problem);
            }
        }
        String problem = mismatch(chunks, pairs);
        return new Outcome(reevaluationId, chunks.size(), audited, pairs.size(), problem == null, problem);
    }

    private static String mismatch(List<RecordedChunk> chunks, List<RecordedChunk.Pair> pairs) {
        Deque<RecordedChunk.Pair> left = new ArrayDeque<>(pairs);
        for (RecordedChunk chunk : chunks) {
            if (left.size() < chunk.households()) {
                return "the chunk from " + chunk.first() + " lists " + chunk.households() + " households; only "
                        + left.size() + " evaluations remain";
            }
            List<RecordedChunk.Pair> part = new ArrayList<>(chunk.households());
            for (int i = 0; i < chunk.households(); i++) {
                part.add(left.removeFirst());
            }
            String first = PersonalData.redact(part.get(0).householdId());
            String last = PersonalData.redact(part.get(part.size() - 1).householdId());
            if (!first.equals(chunk.first()) || !last.equals(chunk.last())) {
                return "the chunk from " + chunk.first() + " through " + chunk.last() + " does not match the "
                        + "evaluations from " + first + " through " + last;
            }
            if (!RecordedChunk.digest(part).equals(chunk.digest())) {
                return "the chunk from " + chunk.first() + " through " + chunk.last()
                        + ": its digest differs from that of the evaluations recorded";
            }
        }
        if (!left.isEmpty()) {
            return left.size() + " evaluations, from "
                    + PersonalData.redact(left.peekFirst().householdId()) + ", have no audit row";
        }
        return null;
    }
}
