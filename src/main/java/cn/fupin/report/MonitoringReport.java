package cn.fupin.report;

import cn.fupin.household.HouseholdStatus;
import cn.fupin.matching.Action;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Households and people under return-to-poverty monitoring (防返贫动态监测) as a share of each region's
 * registered population: those under monitoring (status MONITORED, 监测户, as registered; by POLICY.md,
 * "Dynamic monitoring", a confirmed case makes a household one) and those at risk (a household with a current
 * MONITORING measure, MONITORING_WATCH, which the rules give to LIFTED households only: measure 24). The
 * national guidance expects about 5%: a region above 10% or below 3% is flagged for a look (too many on
 * watch, or people missed).
 */
@Service
class MonitoringReport {

    static final BigDecimal HIGH = new BigDecimal("0.10");
    static final BigDecimal LOW = new BigDecimal("0.03");

    enum Flag {
        HIGH,
        LOW
    }

    /** monitored = under monitoring + at risk; each household is counted in one of the two only. */
    record Region(
            String regionCode,
            long households,
            long people,
            long monitoredHouseholds,
            long monitoredPeople,
            BigDecimal share,
            Flag flag,
            long underMonitoringHouseholds,
            long underMonitoringPeople,
            long atRiskHouseholds,
            long atRiskPeople) {}

    record Report(String regionCode, int regionDigits, Region total, List<Region> regions) {}

    /** Per region: households and people registered, under monitoring, at risk. */
    private static final int COUNTS = 6;

    private final JdbcTemplate jdbc;

    MonitoringReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Report of(String regionPrefix, int regionDigits) {
        // The digits go into the text (a validated 2, 4 or 6): as a parameter, H2 would not see the grouping
        // expression and the selected one as the same. Registered people come from the households' member
        // counts; MONITORED households from the index by status and region; those at risk from the coverage kept
        // beside the ledger (a household measure: every member).
        Map<String, long[]> byRegion = new TreeMap<>();
        String like = regionPrefix + "%";
        String monitored = HouseholdStatus.MONITORED.name();
        sum(byRegion, 0, """
                SELECT SUBSTRING(region_code, 1, %d) AS region, COUNT(*), SUM(people) FROM household
                 WHERE region_code LIKE ? GROUP BY SUBSTRING(region_code, 1, %d)
                """, regionDigits, like);
        sum(byRegion, 2, """
                SELECT SUBSTRING(region_code, 1, %d) AS region, COUNT(*), SUM(people) FROM household
                 WHERE status = ? AND region_code LIKE ? GROUP BY SUBSTRING(region_code, 1, %d)
                """, regionDigits, monitored, like);
        // A household registered as MONITORED keeps the watch it had as LIFTED until it is evaluated again: it
        // counts once, as under monitoring.
        sum(byRegion, 4, """
                SELECT SUBSTRING(c.region_code, 1, %d) AS region, COUNT(*), SUM(c.targeted)
                  FROM household_coverage c JOIN household h ON h.household_id = c.household_id
                 WHERE c.region_code LIKE ? AND c.action = ? AND h.status <> ?
                 GROUP BY SUBSTRING(c.region_code, 1, %d)
                """, regionDigits, like, Action.MONITORING.name(), monitored);
        List<Region> regions = byRegion.entrySet().stream()
                .map(e -> region(e.getKey(), e.getValue()))
                .toList();
        long[] total = new long[COUNTS];
        byRegion.values().forEach(counts -> {
            for (int i = 0; i < COUNTS; i++) {
                total[i] += counts[i];
            }
        });
        return new Report(regionPrefix, regionDigits, region(regionPrefix, total), regions);
    }

    /** Adds a query's households and people per region at {@code at} and {@code at + 1} of the region's counts. */
    private void sum(Map<String, long[]> byRegion, int at, String sql, int regionDigits, Object... parameters) {
        jdbc.query(
                sql.formatted(regionDigits, regionDigits),
                rs -> {
                    long[] counts = byRegion.computeIfAbsent(rs.getString(1), r -> new long[COUNTS]);
                    counts[at] = rs.getLong(2);
                    counts[at + 1] = rs.getLong(3);
                },
                parameters);
    }

    private static Region region(String code, long[] c) {
        long monitoredHouseholds = c[2] + c[4];
        long monitoredPeople = c[3] + c[5];
        long people = c[1];
        BigDecimal share = CauseReport.share(monitoredPeople, people);
        Flag flag =
                people == 0 ? null : share.compareTo(HIGH) > 0 ? Flag.HIGH : share.compareTo(LOW) < 0 ? Flag.LOW : null;
        return new Region(
                code, c[0], people, monitoredHouseholds, monitoredPeople, share, flag, c[2], c[3], c[4], c[5]);
    }
}
