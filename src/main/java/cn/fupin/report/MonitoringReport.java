package cn.fupin.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.fupin.matching.Action;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Households and people under return-to-poverty monitoring (防返贫动态监测, the MONITORING action) as a
 * share of each region's registered population. The national guidance expects about 5%: a region above 10%
 * or below 3% is flagged for a look (too many on watch, or people missed).
 */
@Service
class MonitoringReport {

    static final BigDecimal HIGH = new BigDecimal("0.10");
    static final BigDecimal LOW = new BigDecimal("0.03");

    enum Flag { HIGH, LOW }

    record Region(String regionCode, long households, long people, long monitoredHouseholds, long monitoredPeople,
                  BigDecimal share, Flag flag) {
    }

    record Report(String regionCode, int regionDigits, Region total, List<Region> regions) {
    }

    private final JdbcTemplate jdbc;

    MonitoringReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Report of(String regionPrefix, int regionDigits) {
        // The digits go into the text (a validated 2, 4 or 6): as a parameter, H2 would not see the grouping
        // expression and the selected one as the same. Registered people come from the households' member
        // counts, people on watch from the coverage kept beside the ledger (a household measure: every member).
        Map<String, long[]> byRegion = new TreeMap<>();
        jdbc.query("""
                SELECT SUBSTRING(region_code, 1, %d) AS region, COUNT(*), SUM(people) FROM household
                 WHERE region_code LIKE ? GROUP BY SUBSTRING(region_code, 1, %d)
                """.formatted(regionDigits, regionDigits), rs -> {
            long[] counts = byRegion.computeIfAbsent(rs.getString(1), r -> new long[4]);
            counts[0] = rs.getLong(2);
            counts[1] = rs.getLong(3);
        }, regionPrefix + "%");
        jdbc.query("""
                SELECT SUBSTRING(region_code, 1, %d) AS region, COUNT(*), SUM(targeted) FROM household_coverage
                 WHERE region_code LIKE ? AND action = ? GROUP BY SUBSTRING(region_code, 1, %d)
                """.formatted(regionDigits, regionDigits), rs -> {
            long[] counts = byRegion.computeIfAbsent(rs.getString(1), r -> new long[4]);
            counts[2] = rs.getLong(2);
            counts[3] = rs.getLong(3);
        }, regionPrefix + "%", Action.MONITORING.name());
        List<Region> regions = byRegion.entrySet().stream()
                .map(e -> region(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList();
        Region total = region(regionPrefix, regions.stream().mapToLong(Region::households).sum(),
                regions.stream().mapToLong(Region::people).sum(),
                regions.stream().mapToLong(Region::monitoredHouseholds).sum(),
                regions.stream().mapToLong(Region::monitoredPeople).sum());
        return new Report(regionPrefix, regionDigits, total, regions);
    }

    private static Region region(String code, long households, long people, long monitoredHouseholds,
                                 long monitoredPeople) {
        BigDecimal share = CauseReport.share(monitoredPeople, people);
        Flag flag = people == 0 ? null : share.compareTo(HIGH) > 0 ? Flag.HIGH : share.compareTo(LOW) < 0 ? Flag.LOW : null;
        return new Region(code, households, people, monitoredHouseholds, monitoredPeople, share, flag);
    }
}
