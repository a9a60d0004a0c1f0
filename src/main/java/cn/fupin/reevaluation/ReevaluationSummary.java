package cn.fupin.reevaluation;

import cn.fupin.matching.Measure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What a run changed, counted: households and people gaining and losing each measure (every measure listed,
 * zero where none), and per region (the region code cut to 2, 4 or 6 digits) households and people gaining and
 * losing something. A household measure counts every member of the household as a person concerned.
 */
@Repository
class ReevaluationSummary {

    record MeasureCount(
            Measure measure,
            String measureName,
            long gainedHouseholds,
            long gainedPeople,
            long lostHouseholds,
            long lostPeople) {}

    record RegionCount(
            String regionCode,
            long changedHouseholds,
            long gainedHouseholds,
            long gainedPeople,
            long lostHouseholds,
            long lostPeople) {}

    record Summary(
            String reevaluationId,
            int regionDigits,
            long changedHouseholds,
            long gainedHouseholds,
            long gainedPeople,
            long lostHouseholds,
            long lostPeople,
            List<MeasureCount> measures,
            List<RegionCount> regions) {}

    private final NamedParameterJdbcTemplate jdbc;

    ReevaluationSummary(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The run's counts over the households under a region prefix (the user's region, or a part of it). */
    Summary of(String reevaluationId, int regionDigits, String regionPrefix) {
        MapSqlParameterSource params =
                new MapSqlParameterSource("id", reevaluationId).addValue("prefix", regionPrefix + "%");
        Map<String, long[]> byMeasure = new HashMap<>();
        jdbc.query("""
                SELECT measure, direction, COUNT(DISTINCT household_id), SUM(people) FROM reevaluation_change
                 WHERE reevaluation_id = :id AND region_code LIKE :prefix GROUP BY measure, direction
                """, params, rs -> {
            long[] counts = byMeasure.computeIfAbsent(rs.getString(1), m -> new long[4]);
            int at = rs.getString(2).equals("GAINED") ? 0 : 2;
            counts[at] = rs.getLong(3);
            counts[at + 1] = rs.getLong(4);
        });
        List<MeasureCount> measures = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            long[] c = byMeasure.getOrDefault(measure.name(), new long[4]);
            measures.add(new MeasureCount(measure, measure.title(), c[0], c[1], c[2], c[3]));
        }
        // The digits go into the text (a validated 2, 4 or 6): as a parameter, H2 would not see the grouping
        // expression and the selected one as the same.
        List<RegionCount> regions = jdbc.query(
                """
                SELECT SUBSTRING(region_code, 1, %d) AS region, COUNT(*),
                       SUM(CASE WHEN gained_people > 0 THEN 1 ELSE 0 END), SUM(gained_people),
                       SUM(CASE WHEN lost_people > 0 THEN 1 ELSE 0 END), SUM(lost_people)
                  FROM reevaluation_household WHERE reevaluation_id = :id AND region_code LIKE :prefix
                 GROUP BY SUBSTRING(region_code, 1, %d) ORDER BY region
                """.formatted(regionDigits, regionDigits),
                params,
                (rs, i) -> new RegionCount(
                        rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
        RegionCount all = regions.stream()
                .reduce(
                        new RegionCount("", 0, 0, 0, 0, 0),
                        (a, b) -> new RegionCount(
                                "",
                                a.changedHouseholds() + b.changedHouseholds(),
                                a.gainedHouseholds() + b.gainedHouseholds(),
                                a.gainedPeople() + b.gainedPeople(),
                                a.lostHouseholds() + b.lostHouseholds(),
                                a.lostPeople() + b.lostPeople()));
        return new Summary(
                reevaluationId,
                regionDigits,
                all.changedHouseholds(),
                all.gainedHouseholds(),
                all.gainedPeople(),
                all.lostHouseholds(),
                all.lostPeople(),
                measures,
                regions);
    }
}
