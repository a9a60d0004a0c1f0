package cn.fupin.reevaluation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor of a re-evaluation that changes nothing, whatever its design: the same reads as
 * {@link ReevaluationFloor} (households with their members, their current ledger entries; same ranges,
 * threads and chunks), and the one thing such a run must still write, one small row per household (run,
 * household, version, a reference to its result: the hash of its measures), in multi-row batches, with no
 * counter row that every chunk updates.
 *
 * <pre>mvn -Pbench test-compile exec:exec -Dbench.main=cn.fupin.reevaluation.ReadFloor \
 *     -Dbench.args="jdbc:mysql://127.0.0.1:3306/fupin_bench?rewriteBatchedStatements=true root 2"</pre>
 */
public final class ReadFloor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReadFloor() {}

    static final ReevaluationFloor.Writes ONE_SMALL_ROW = new ReevaluationFloor.Writes() {
        @Override
        public void prepare(Statement s) throws Exception {
            s.execute("DROP TABLE IF EXISTS floor_evaluated");
            s.execute(
                    "CREATE TABLE floor_evaluated (reevaluation_id BIGINT NOT NULL, household_id VARCHAR(64) NOT NULL,"
                            + " household_version BIGINT NOT NULL, result_hash CHAR(64) NOT NULL,"
                            + " PRIMARY KEY (reevaluation_id, household_id))");
        }

        @Override
        public void chunk(
                Connection c,
                Map<String, List<Map<String, Object>>> households,
                Map<String, List<Map<String, Object>>> ledger)
                throws Exception {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO floor_evaluated (reevaluation_id, household_id, household_version, result_hash)"
                            + " VALUES (1, ?, ?, ?)")) {
                for (Map.Entry<String, List<Map<String, Object>>> h : households.entrySet()) {
                    byte[] result = JSON.writeValueAsString(ledger.getOrDefault(h.getKey(), List.of()))
                            .getBytes(StandardCharsets.UTF_8);
                    ps.setString(1, h.getKey());
                    ps.setLong(2, ((Number) h.getValue().get(0).get("version")).longValue());
                    ps.setString(3, HexFormat.of().formatHex(sha.digest(result)));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    };

    public static void main(String[] args) throws Exception {
        ReevaluationFloor.run(args, ONE_SMALL_ROW, "read floor");
    }
}
