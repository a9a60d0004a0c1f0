package cn.fupin.report;

import java.math.BigDecimal;
import java.util.List;

import cn.fupin.matching.Measure;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Households and people under return-to-poverty monitoring (防返贫动态监测, the MONITORING_WATCH measure) as a
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
        // expression and the selected one as the same.
        List<Region> regions = jdbc.query("""
                SELECT SUBSTRING(h.region_code, 1, %d) AS region, COUNT(DISTINCT h.household_id), COUNT(*),
                       COUNT(DISTINCT w.household_id), SUM(CASE WHEN w.household_id IS NULL THEN 0 ELSE 1 END)
                  FROM household h JOIN household_member m ON m.household_id = h.household_id
                  LEFT JOIN recommendation w ON w.household_id = h.household_id AND w.measure = ?
                       AND w.member_id = '' AND w.current_flag = 1
                 WHERE h.region_code LIKE ?
                 GROUP BY SUBSTRING(h.region_code, 1, %d) ORDER BY region
                """.formatted(regionDigits, regionDigits),
                (rs, i) -> region(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                Measure.MONITORING_WATCH.name(), regionPrefix + "%");
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
