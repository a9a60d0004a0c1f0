package cn.fupin.reevaluation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor of a full re-evaluation of the design before V24 on this machine, kept as "the previous design"
 * now that runs write only what changed: plain JDBC doing the same reads and writes as the job with no rules, no
 * Spring and no job repository. Over the same ranges of household ids on the same
 * number of threads, 500 households a transaction: read the households with their members and their current
 * ledger entries (the job's two queries), write one evaluation row per household with the household and its
 * measures as JSON into a copy of the evaluation table, add to a counter row, commit. {@link ReadFloor} does
 * the same reads and writes one small row per household instead.
 *
 * <pre>mvn -Pbench test-compile exec:exec -Dbench.main=cn.fupin.reevaluation.ReevaluationFloor \
 *     -Dbench.args="jdbc:mysql://127.0.0.1:3306/fupin_bench?rewriteBatchedStatements=true root 2"</pre>
 */
public final class ReevaluationFloor {

    private static final int CHUNK = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReevaluationFloor() {}

    /** What a chunk writes, once its households and ledger entries are read. */
    interface Writes {
        /** Makes the tables it writes, empty. */
        void prepare(Statement s) throws Exception;

        void chunk(
                Connection c,
                Map<String, List<Map<String, Object>>> households,
                Map<String, List<Map<String, Object>>> ledger)
                throws Exception;
    }

    /** The design before V24: an evaluation row with the household and its measures as JSON, a shared counter. */
    static final Writes PRESENT = new Writes() {
        @Override
        public void prepare(Statement s) throws Exception {
            s.execute("DROP TABLE IF EXISTS floor_evaluation");
            s.execute("CREATE TABLE floor_evaluation LIKE evaluation");
            s.execute("DROP TABLE IF EXISTS floor_progress");
            s.execute("CREATE TABLE floor_progress (id INT PRIMARY KEY, processed BIGINT NOT NULL)");
            s.execute("INSERT INTO floor_progress VALUES (1, 0)");
        }

        @Override
        public void chunk(
                Connection c,
                Map<String, List<Map<String, Object>>> households,
                Map<String, List<Map<String, Object>>> ledger)
                throws Exception {
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO floor_evaluation (evaluation_id, household_id, as_of, ruleset_version, evaluated_at,"
                            + " evaluated_by, household_version, input, result, reevaluation_id)"
                            + " VALUES (?, ?, '2020-06-30', 'floor', ?, 'floor', 0, ?, ?, 'floor')")) {
                for (Map.Entry<String, List<Map<String, Object>>> h : households.entrySet()) {
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setString(2, h.getKey());
                    ps.setTimestamp(3, now);
                    ps.setString(4, JSON.writeValueAsString(h.getValue()));
                    ps.setString(5, JSON.writeValueAsString(ledger.getOrDefault(h.getKey(), List.of())));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE floor_progress SET processed = processed + ? WHERE id = 1")) {
                ps.setInt(1, households.size());
                ps.executeUpdate();
            }
        }
    };

    public static void main(String[] args) throws Exception {
        run(args, PRESENT, "floor");
    }

    static void run(String[] args, Writes writes, String name) throws Exception {
        String url = args[0];
        String user = args.length > 1 ? args[1] : "root";
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<String> bounds = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, "");
                Statement s = c.createStatement()) {
            writes.prepare(s);
            long total;
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM household")) {
                rs.next();
                total = rs.getLong(1);
            }
            bounds.add("");
            for (int i = 1; i < threads; i++) {
                try (ResultSet rs =
                        s.executeQuery("SELECT household_id FROM household ORDER BY household_id LIMIT 1 OFFSET "
                                + (total * i / threads - 1))) {
                    rs.next();
                    bounds.add(rs.getString(1));
                }
            }
            bounds.add(null);
        }
        AtomicLong done = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> ranges = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String after = bounds.get(i);
            String upTo = bounds.get(i + 1);
            ranges.add(pool.submit(() -> {
                range(url, user, after, upTo, done, writes);
                return null;
            }));
        }
        try {
            for (Future<?> range : ranges) {
                range.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "%s: %,d households in %.1f s (%,.0f/s) on %d threads%n",
                name, done.get(), seconds, done.get() / seconds, threads);
    }

    private static void range(String url, String user, String after, String upTo, AtomicLong done, Writes writes)
            throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            c.setAutoCommit(false);
            String last = after;
            while (true) {
                List<String> ids = new ArrayList<>();
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT household_id FROM household WHERE household_id > ?"
                                + (upTo == null ? "" : " AND household_id <= ?") + " ORDER BY household_id LIMIT "
                                + CHUNK)) {
                    ps.setString(1, last);
                    if (upTo != null) {
                        ps.setString(2, upTo);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getString(1));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    c.commit();
                    return;
                }
                chunk(c, ids, writes);
                c.commit();
                done.addAndGet(ids.size());
                last = ids.get(ids.size() - 1);
            }
        }
    }

    private static void chunk(Connection c, List<String> ids, Writes writes) throws Exception {
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        Map<String, List<Map<String, Object>>> households = new LinkedHashMap<>();
        try (PreparedStatement ps =
                c.prepareStatement("""
                SELECT h.household_id, h.region_code, h.status, h.income_per_capita, h.housing_grade,
                       h.safe_drinking_water, h.road_access, h.industry_projects, h.linked_to_enterprise, h.causes,
                       h.sudden_hardship, h.version,
                       m.member_id, m.id_number_cipher, m.name, m.relation, m.sex, m.birth_date, m.health, m.disability_grade,
                       m.labour_ability, m.employed, m.seeking_work, m.has_skill, m.schooling, m.medical_insurance
                  FROM household h JOIN household_member m ON m.household_id = h.household_id
                 WHERE h.household_id IN (""" + marks + ") ORDER BY h.household_id, m.position FOR UPDATE")) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    households
                            .computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                            .add(row);
                }
            }
        }
        Map<String, List<Map<String, Object>>> ledger = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT household_id, recommendation_id, measure, member_id, status, rule_name, reason
                  FROM recommendation WHERE household_id IN (""" + marks + ") AND current_flag = 1")) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ledger.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                            .add(Map.of(
                                    "recommendationId",
                                    rs.getString(2),
                                    "measure",
                                    rs.getString(3),
                                    "memberId",
                                    rs.getString(4),
                                    "status",
                                    rs.getString(5),
                                    "rule",
                                    rs.getString(6),
                                    "reason",
                                    rs.getString(7)));
                }
            }
        }
        writes.chunk(c, households, ledger);
    }

    private static void bind(PreparedStatement ps, List<String> ids) throws Exception {
        for (int i = 0; i < ids.size(); i++) {
            ps.setString(i + 1, ids.get(i));
        }
    }
}
