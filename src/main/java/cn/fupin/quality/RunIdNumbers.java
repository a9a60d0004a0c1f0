package cn.fupin.quality;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which members of a bulk run's chunk need the lookup across households (一人多户), without looking every
 * member up. The lookup by HMAC probes the index of every ID number of the registry at random (113 MB for
 * the province, against InnoDB's default 128 MB buffer pool, with everything else a run reads): half the
 * database time of a run that changes nothing. Instead each instance reads once per run, in index order, the
 * HMACs held by more than one household, and a chunk looks up only members holding one of those, and every
 * member of a household of the chunk stored since (whose new number may repeat another's).
 *
 * <p>What this leaves: a number that comes to be shared while the run goes, by a household stored after the
 * run began whose own chunk came before it was stored, is found in the other household at the next run
 * rather than this one; the household stored is checked at its own store (after every PUT) and at the next
 * run. A registry with more shared numbers than {@value #MAX_SHARED} is not held: every member is looked up.
 */
@Component
class RunIdNumbers {

    /** More than this many shared numbers is a registry to clean first: it is not held in memory. */
    static final int MAX_SHARED = 100_000;

    /**
     * Households stored this long before the read of shared numbers count as stored after it: a store whose
     * transaction began before that read and committed after it was not seen by it (an import commits every
     * 500 households, in well under a second).
     */
    static final Duration COMMIT_MARGIN = Duration.ofSeconds(10);

    private static final int RUNS_KEPT = 4;

    /** When the shared numbers were read, and which they were (null: too many to hold). */
    private record Shared(Instant readAt, Set<String> hmacs) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Shared> byRun = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Shared> eldest) {
            return size() > RUNS_KEPT;
        }
    };

    RunIdNumbers(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The households of the chunk to look up across the registry: those with a member holding a number held
     * by more than one household when this run began on this instance, and those stored since; all of them
     * when the shared numbers are too many to hold.
     */
    List<String> toLookUp(String reevaluationId, List<String> householdIds) {
        Shared shared = shared(reevaluationId);
        if (shared.hmacs() == null) {
            return householdIds;
        }
        MapSqlParameterSource args = new MapSqlParameterSource("ids", householdIds)
                .addValue("since", Timestamp.from(shared.readAt().minus(COMMIT_MARGIN)));
        Set<String> chosen = new HashSet<>(jdbc.queryForList(
                "SELECT household_id FROM household WHERE household_id IN (:ids) AND updated_at >= :since",
                args,
                String.class));
        if (!shared.hmacs().isEmpty()) {
            jdbc.query(
                    "SELECT household_id, id_number_hmac FROM household_member WHERE household_id IN (:ids)",
                    args,
                    rs -> {
                        if (shared.hmacs().contains(rs.getString(2))) {
                            chosen.add(rs.getString(1));
                        }
                    });
        }
        List<String> inOrder = new ArrayList<>(chosen.size());
        for (String id : householdIds) {
            if (chosen.contains(id)) {
                inOrder.add(id);
            }
        }
        return inOrder;
    }

    private synchronized Shared shared(String reevaluationId) {
        Shared shared = byRun.get(reevaluationId);
        if (shared == null) {
            Instant readAt = clock.instant();
            List<String> hmacs = jdbc.queryForList(
                    "SELECT id_number_hmac FROM household_member GROUP BY id_number_hmac HAVING COUNT(*) > 1"
                            + " LIMIT " + (MAX_SHARED + 1),
                    Map.of(),
                    String.class);
            shared = new Shared(readAt, hmacs.size() > MAX_SHARED ? null : Set.copyOf(hmacs));
            byRun.put(reevaluationId, shared);
        }
        return shared;
    }
}
