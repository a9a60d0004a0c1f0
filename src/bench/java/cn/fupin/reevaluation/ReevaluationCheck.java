package cn.fupin.reevaluation;

import cn.fupin.household.Household;
import cn.fupin.matching.ReferencePolicy;
import cn.fupin.matching.ReferenceStandards;
import java.io.BufferedReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a recorded run's diff household by household against the policy read independently of the rules
 * ({@link ReferencePolicy}): the measures each household gains and loses when a standard moves from the
 * standards file's value to a proposed one, for every household of an export; and every household's current
 * measures in the ledger against what the policy gives it with the proposed value.
 *
 * <pre>mvn -Pbench test-compile exec:exec -Dbench.main=cn.fupin.reevaluation.ReevaluationCheck \
 *     -Dbench.args="export.ndjson jdbc:mysql://127.0.0.1:3306/fupin_bench root rules 2022-06-30 RUN_ID dibao_standard 2022-01-01 5000"</pre>
 * Without the last three arguments only the ledger is checked, against the standards file as it is.
 */
public final class ReevaluationCheck {

    private ReevaluationCheck() {}

    public static void main(String[] args) throws Exception {
        Path export = Path.of(args[0]);
        String url = args[1];
        String user = args[2];
        ReferenceStandards before = ReferenceStandards.of(Path.of(args[3]).toAbsolutePath());
        LocalDate asOf = LocalDate.parse(args[4]);
        String run = args[5];
        // Without a proposed value, only the ledger is checked against the standards file.
        boolean proposal = args.length >= 9;
        ReferenceStandards after =
                !proposal ? before : before.with(args[6], LocalDate.parse(args[7]), new BigDecimal(args[8]));

        Map<String, Set<String>> expectedNow = new HashMap<>();
        Map<String, Set<String>> gained = new TreeMap<>();
        Map<String, Set<String>> lost = new TreeMap<>();
        JsonMapper json = JsonMapper.builder().build();
        long households = 0;
        try (BufferedReader lines = Files.newBufferedReader(export)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (json.readTree(line).has("exportEnd")) {
                    continue; // the export's end line counts the households; it is none of them
                }
                Household h = json.readValue(line, Household.class);
                households++;
                Set<String> was = ReferencePolicy.measures(h, before.on(h.regionCode(), asOf), asOf);
                Set<String> now = ReferencePolicy.measures(h, after.on(h.regionCode(), asOf), asOf);
                if (!now.isEmpty()) {
                    expectedNow.put(h.householdId(), now);
                }
                Set<String> g = new TreeSet<>(now);
                g.removeAll(was);
                Set<String> l = new TreeSet<>(was);
                l.removeAll(now);
                if (!g.isEmpty()) {
                    gained.put(h.householdId(), g);
                }
                if (!l.isEmpty()) {
                    lost.put(h.householdId(), l);
                }
            }
        }
        Map<String, Set<String>> recordedGained = new HashMap<>();
        Map<String, Set<String>> recordedLost = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, user, "");
                PreparedStatement ps = c.prepareStatement(
                        "SELECT household_id, direction, measure, member_id FROM reevaluation_change WHERE reevaluation_id = ?")) {
            ps.setString(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String target = rs.getString(3) + (rs.getString(4).isEmpty() ? "" : "@" + rs.getString(4));
                    (rs.getString(2).equals("GAINED") ? recordedGained : recordedLost)
                            .computeIfAbsent(rs.getString(1), id -> new TreeSet<>())
                            .add(target);
                }
            }
        }
        Map<String, Set<String>> current = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, user, "");
                PreparedStatement ps = c.prepareStatement(
                        "SELECT household_id, measure, member_id FROM recommendation WHERE current_flag = 1")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    current.computeIfAbsent(rs.getString(1), id -> new TreeSet<>())
                            .add(rs.getString(2) + (rs.getString(3).isEmpty() ? "" : "@" + rs.getString(3)));
                }
            }
        }
        int ledgerMismatches = 0;
        for (String id : union(expectedNow.keySet(), current.keySet())) {
            if (!expectedNow.getOrDefault(id, Set.of()).equals(current.getOrDefault(id, Set.of()))
                    && ledgerMismatches++ < 10) {
                System.out.println(
                        "LEDGER " + id + ": policy " + expectedNow.get(id) + "; recorded " + current.get(id));
            }
        }
        System.out.printf(
                "current measures of %,d households: %,d recorded; %d differ from the policy%n",
                households, current.values().stream().mapToInt(Set::size).sum(), ledgerMismatches);
        int mismatches = ledgerMismatches;
        if (!proposal) {
            System.exit(mismatches > 0 ? 1 : 0);
        }
        for (String id : union(gained.keySet(), recordedGained.keySet(), lost.keySet(), recordedLost.keySet())) {
            if (!gained.getOrDefault(id, Set.of()).equals(recordedGained.getOrDefault(id, Set.of()))
                    || !lost.getOrDefault(id, Set.of()).equals(recordedLost.getOrDefault(id, Set.of()))) {
                if (mismatches++ < 10) {
                    System.out.println("MISMATCH " + id + ": policy +" + gained.get(id) + " -" + lost.get(id)
                            + "; run +" + recordedGained.get(id) + " -" + recordedLost.get(id));
                }
            }
        }
        System.out.printf(
                "checked %,d households: policy says %,d gain and %,d lose something; the run recorded %,d and %,d; %d mismatches%n",
                households, gained.size(), lost.size(), recordedGained.size(), recordedLost.size(), mismatches);
        if (mismatches > 0) {
            System.exit(1);
        }
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }
}
