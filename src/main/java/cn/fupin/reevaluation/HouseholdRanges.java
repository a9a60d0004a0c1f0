package cn.fupin.reevaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Splits a run's households into ranges of household ids of about equal size, one per partition: each is
 * re-evaluated on its own thread and keeps its own position, so a resumed run carries on in every range
 * where that range stopped. The ranges are fixed when the run starts and kept with it.
 */
class HouseholdRanges implements Partitioner {

    /** The range (after, upTo]: after "" is the first range, upTo "" the last. */
    static final String AFTER = "after";

    static final String UP_TO = "upTo";

    private final JdbcTemplate jdbc;
    private final String regionPrefix;

    HouseholdRanges(JdbcTemplate jdbc, String regionPrefix) {
        this.jdbc = jdbc;
        this.regionPrefix = regionPrefix;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        long total = jdbc.queryForObject(
                "SELECT COUNT(*) FROM household WHERE region_code LIKE ?", Long.class, regionPrefix + "%");
        int ranges = (int) Math.max(1, Math.min(gridSize, total));
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        String after = "";
        for (int i = 1; i <= ranges; i++) {
            String upTo = i == ranges ? "" : boundary(total * i / ranges - 1);
            ExecutionContext range = new ExecutionContext();
            range.putString(AFTER, after);
            range.putString(UP_TO, upTo);
            partitions.put("range" + i, range);
            after = upTo;
        }
        return partitions;
    }

    /** The id of the household at this place in id order. */
    private String boundary(long offset) {
        List<String> id = jdbc.queryForList("""
                SELECT household_id FROM household WHERE region_code LIKE ? ORDER BY household_id LIMIT 1 OFFSET ?
                """, String.class, regionPrefix + "%", offset);
        return id.isEmpty() ? "" : id.get(0);
    }
}
