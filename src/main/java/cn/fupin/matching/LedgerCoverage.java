package cn.fupin.matching;

import cn.fupin.household.Household;
import cn.fupin.household.HouseholdsChanged;
import cn.fupin.household.Member;
import cn.fupin.household.VersionedHousehold;
import cn.fupin.system.SqlLists;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Keeps, beside the ledger, per household and action the people a current measure targets (every member
 * for a household measure) and those whose targeted measures of that action are all DELIVERED; and the
 * household's latest evaluation (rule set, time, date, the household's version it read) with the household's
 * version now, and the number and digest of its answer (sql/V24). Rewritten in the transaction that changes
 * the household's ledger or the household itself, so the coverage report and its blind spots are sums over
 * small rows that always count a household under its region now (see sql/V8__coverage.sql and V19).
 */
@Repository
class LedgerCoverage {

    /** A current measure of a household, as far as coverage is concerned. */
    record Target(Measure measure, String memberId, RecommendationStatus status) {

        static Target of(Recommendation r) {
            return new Target(r.measure(), r.memberId(), r.status());
        }
    }

    record Row(Action action, int targeted, int delivered) {}

    private final JdbcTemplate jdbc;
    private final LedgerWrites ledger;
    private final Clock clock;

    LedgerCoverage(JdbcTemplate jdbc, LedgerWrites ledger, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * A household stored anew may have moved region or changed members: its coverage is counted again from
     * its current measures (a household measure targets every member as they are now), under its region now.
     * Its latest evaluation, if any, read an older version of it now (the blind spot "edited since its last
     * evaluation"): the version is read back from the row just written, since an import bumps it in SQL.
     */
    @EventListener
    void stored(HouseholdsChanged stored) {
        List<Household> households = stored.households();
        if (households.isEmpty()) {
            return;
        }
        recount(households);
        // One statement for the whole batch (an import stores 500 at a time, most of them never evaluated).
        jdbc.update(
                """
                UPDATE household_evaluated
                   SET region_code = (SELECT h.region_code FROM household h
                                       WHERE h.household_id = household_evaluated.household_id),
                       stored_version = (SELECT h.version FROM household h
                                          WHERE h.household_id = household_evaluated.household_id)
                 WHERE household_id IN (%s)
                """.formatted(SqlLists.marks(households.size())),
                households.stream().map(Household::householdId).toArray());
    }

    /** Counts these households' coverage again from their current ledger entries (after a status move, say). */
    void recount(List<Household> households) {
        Map<String, List<Target>> current = new HashMap<>();
        ledger.current(households.stream().map(Household::householdId).toList())
                .forEach((id, entries) -> current.put(
                        id,
                        entries.stream()
                                .map(c -> new Target(c.measure(), c.memberId(), c.status()))
                                .toList()));
        refresh(households, current);
    }

    /** Per action: the people targeted and those with every targeted measure of it delivered. */
    static List<Row> rows(Household household, List<Target> current) {
        Map<Action, Map<String, Boolean>> people = new EnumMap<>(Action.class);
        for (Target t : current) {
            Map<String, Boolean> delivered = people.computeIfAbsent(t.measure().action(), a -> new HashMap<>());
            boolean done = t.status() == RecommendationStatus.DELIVERED;
            List<String> targets = t.memberId() == null
                    ? household.members().stream().map(Member::memberId).toList()
                    : List.of(t.memberId());
            for (String member : targets) {
                delivered.merge(member, done, Boolean::logicalAnd);
            }
        }
        List<Row> rows = new ArrayList<>();
        people.forEach((action, delivered) -> rows.add(new Row(action, delivered.size(), (int)
                delivered.values().stream().filter(Boolean::booleanValue).count())));
        return rows;
    }

    /**
     * Rewrites the coverage rows of these households from their current measures. Rows are upserted and
     * only rows that exist are deleted, each by its key: deleting a whole household's range, which may hold no
     * row, takes gap locks on MariaDB, and two ranges of a bulk run inserting beside each other deadlocked.
     */
    void refresh(List<Household> households, Map<String, List<Target>> current) {
        if (households.isEmpty()) {
            return;
        }
        Set<String> ids = new HashSet<>();
        households.forEach(h -> ids.add(h.householdId()));
        String marks = SqlLists.marks(ids.size());
        Set<String> stale = new HashSet<>(jdbc.queryForList(
                "SELECT CONCAT(household_id, '/', action) FROM household_coverage WHERE household_id IN (" + marks
                        + ")",
                String.class,
                ids.toArray()));
        List<Object[]> rows = new ArrayList<>();
        for (Household h : households) {
            for (Row row : rows(h, current.getOrDefault(h.householdId(), List.of()))) {
                stale.remove(h.householdId() + "/" + row.action().name());
                rows.add(new Object[] {
                    h.householdId(), h.regionCode(), row.action().name(), row.targeted(), row.delivered()
                });
            }
        }
        if (!stale.isEmpty()) {
            jdbc.batchUpdate(
                    "DELETE FROM household_coverage WHERE household_id = ? AND action = ?",
                    stale.stream()
                            .map(key -> {
                                int cut = key.lastIndexOf('/');
                                return new Object[] {key.substring(0, cut), key.substring(cut + 1)};
                            })
                            .toList());
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO household_coverage (household_id, region_code, action, targeted, delivered)
                    VALUES (?, ?, ?, ?, ?)
                    ON DUPLICATE KEY UPDATE region_code = VALUES(region_code), targeted = VALUES(targeted),
                           delivered = VALUES(delivered)
                    """, rows);
        }
    }

    /**
     * A status of the household's ledger moved: its latest evaluation's answer no longer shows the ledger as it
     * is, so a run may not take its next evaluation for a repeat without reading the ledger
     * ({@link EvaluationWrites#repeating}).
     */
    void ledgerMoved(String householdId) {
        jdbc.update("UPDATE household_evaluated SET decision_digest = NULL WHERE household_id = ?", householdId);
    }

    /**
     * The households' latest evaluation is this one, of the versions the caller locked. It speaks for its date
     * (asOf), or for the day it was recorded when asOf is later: the household's facts are those read that day.
     * A household that a run records as a repeat of its latest evaluation (same version, same answer) keeps its
     * row but for the rule set, time, dates and run, all the same for every household here: one statement for
     * all of them.
     */
    void evaluated(
            List<VersionedHousehold> households,
            EvaluationWrites.Written written,
            String rulesetVersion,
            LocalDate asOf,
            Instant at) {
        Timestamp time = Timestamp.from(at);
        LocalDate recordedOn = LocalDate.ofInstant(at, clock.getZone());
        Date on = Date.valueOf(asOf.isAfter(recordedOn) ? recordedOn : asOf);
        // The evaluation's own date, the run whose narrow row records it if it is a run's repeat, and the seq
        // of its evaluation row (for a repeat, the row it repeats stands): what a later run asks of the
        // household's latest evaluation (LaterEvaluations, sql/V28).
        Date date = Date.valueOf(asOf);
        List<String> repeats = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (VersionedHousehold s : households) {
            String id = s.household().householdId();
            if (written.repeats().contains(id) && written.repeatedByRun().contains(id)) {
                repeats.add(id); // its latest row, and so latest_seq, stand
                continue;
            }
            EvaluationWrites.Answer answer = written.answers().get(id);
            rows.add(new Object[] {
                id,
                s.household().regionCode(),
                rulesetVersion,
                time,
                s.version(),
                s.version(),
                on,
                answer.resultNo(),
                answer.digest(),
                answer.decisions(),
                date,
                written.repeatedByRun().contains(id) ? written.repeatRun() : null,
                written.rows().get(id)
            });
        }
        if (!repeats.isEmpty()) {
            List<Object> args = new ArrayList<>(List.of(rulesetVersion, time, on, date));
            args.add(written.repeatRun());
            args.addAll(repeats);
            jdbc.update(
                    "UPDATE household_evaluated SET ruleset_version = ?, evaluated_at = ?, evaluated_on = ?,"
                            + " as_of = ?, repeat_run = ? WHERE household_id IN ("
                            + SqlLists.marks(repeats.size()) + ")",
                    args.toArray());
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO household_evaluated (household_id, region_code, ruleset_version, evaluated_at,
                           household_version, stored_version, evaluated_on, result_no, result_digest,
                           decision_digest, as_of, repeat_run, latest_seq)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON DUPLICATE KEY UPDATE region_code = VALUES(region_code),
                           ruleset_version = VALUES(ruleset_version), evaluated_at = VALUES(evaluated_at),
                           household_version = VALUES(household_version), stored_version = VALUES(stored_version),
                           evaluated_on = VALUES(evaluated_on), result_no = VALUES(result_no),
                           result_digest = VALUES(result_digest), decision_digest = VALUES(decision_digest),
                           as_of = VALUES(as_of), repeat_run = VALUES(repeat_run),
                           latest_seq = COALESCE(VALUES(latest_seq), latest_seq)
                    """, rows);
        }
    }
}
