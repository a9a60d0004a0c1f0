package cn.fupin.report;

import cn.fupin.household.HouseholdStatus;
import cn.fupin.matching.Action;
import cn.fupin.system.Csv;
import cn.fupin.system.QueryParameters;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The households behind each figure of the coverage report: per action those targeted, those with someone
 * fully served, those with a gap; and each blind spot. A page at a time, or all of it as CSV.
 */
@Service
class CoverageLists {

    /** Which households of an action's coverage. */
    enum Which {
        TARGETED("c.targeted > 0"),
        DELIVERED("c.delivered > 0"),
        GAP("c.targeted > c.delivered");

        private final String condition;

        Which(String condition) {
            this.condition = condition;
        }
    }

    /** targeted and delivered: people of the household, for an action's list; null for a blind spot. */
    record Line(String householdId, String regionCode, HouseholdStatus status, Integer targeted, Integer delivered) {

        /** The status in Chinese, for the dashboard's lists. */
        @JsonProperty("statusName")
        public String statusName() {
            return status.getLabel();
        }
    }

    record Page(List<Line> content, int page, int size, long totalElements, int totalPages) {}

    private final JdbcTemplate jdbc;
    private final BlindSpotBounds bounds;

    CoverageLists(JdbcTemplate jdbc, BlindSpotBounds bounds) {
        this.jdbc = jdbc;
        this.bounds = bounds;
    }

    Page coverage(String regionPrefix, Action action, Which which, int page, int size) {
        Query query = coverageQuery(regionPrefix, action, which);
        return page(query, page, size);
    }

    Page blindSpot(BlindSpot spot, String regionPrefix, int page, int size) {
        return page(blindSpotQuery(spot, regionPrefix), page, size);
    }

    void coverageCsv(
            String regionPrefix, Action action, Which which, OutputStream out, Consumer<List<String>> beforeEachPage) {
        csv(coverageQuery(regionPrefix, action, which), out, beforeEachPage);
    }

    void blindSpotCsv(BlindSpot spot, String regionPrefix, OutputStream out, Consumer<List<String>> beforeEachPage) {
        csv(blindSpotQuery(spot, regionPrefix), out, beforeEachPage);
    }

    /** SELECT … FROM … WHERE …, its parameters, and the id column to order and page by. */
    private record Query(String select, List<Object> parameters, String id) {}

    private static Query coverageQuery(String regionPrefix, Action action, Which which) {
        return new Query("""
                SELECT c.household_id, c.region_code, h.status, c.targeted, c.delivered
                  FROM household_coverage c JOIN household h ON h.household_id = c.household_id
                 WHERE c.region_code LIKE ? AND c.action = ? AND\s""" + which.condition, List.of(regionPrefix + "%", action.name()), "c.household_id");
    }

    private Query blindSpotQuery(BlindSpot spot, String regionPrefix) {
        BlindSpot.Bounds now = bounds.now();
        return new Query(
                "SELECT h.household_id, h.region_code, h.status, NULL AS targeted, NULL AS delivered " + spot.from(now),
                List.of(spot.parameters(regionPrefix + "%", now)),
                "h.household_id");
    }

    private Page page(Query query, int page, int size) {
        Long total = jdbc.queryForObject(
                "SELECT COUNT(*) FROM (" + query.select() + ") x",
                Long.class,
                query.parameters().toArray());
        List<Object> parameters = new ArrayList<>(query.parameters());
        parameters.add(size);
        parameters.add((long) page * size);
        List<Line> lines = jdbc.query(
                query.select() + " ORDER BY " + query.id() + " LIMIT ? OFFSET ?",
                CoverageLists::line,
                parameters.toArray());
        return new Page(lines, page, size, total, QueryParameters.pageCount(total, size));
    }

    /**
     * Streams every line, a thousand households at a time: bounded memory for the whole province. Each page's
     * households are handed to {@code beforeEachPage} (the audit trail) before the page is written.
     */
    private void csv(Query query, OutputStream out, Consumer<List<String>> beforeEachPage) {
        try {
            out.write(Csv.BOM);
            out.write("householdId,regionCode,status,targeted,delivered\r\n".getBytes(StandardCharsets.UTF_8));
            String after = "";
            while (true) {
                List<Object> parameters = new ArrayList<>(query.parameters());
                parameters.add(after);
                List<Line> lines = jdbc.query(
                        query.select() + " AND " + query.id() + " > ? ORDER BY " + query.id() + " LIMIT 1000",
                        CoverageLists::line,
                        parameters.toArray());
                if (lines.isEmpty()) {
                    return;
                }
                beforeEachPage.accept(lines.stream().map(Line::householdId).toList());
                StringBuilder text = new StringBuilder();
                for (Line l : lines) {
                    text.append(l.householdId())
                            .append(',')
                            .append(l.regionCode())
                            .append(',')
                            .append(l.status())
                            .append(',')
                            .append(l.targeted() == null ? "" : l.targeted())
                            .append(',')
                            .append(l.delivered() == null ? "" : l.delivered())
                            .append("\r\n");
                }
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                after = lines.get(lines.size() - 1).householdId();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Line line(ResultSet rs, int row) throws SQLException {
        int targeted = rs.getInt(4);
        Integer t = rs.wasNull() ? null : targeted;
        int delivered = rs.getInt(5);
        Integer d = rs.wasNull() ? null : delivered;
        return new Line(rs.getString(1), rs.getString(2), HouseholdStatus.valueOf(rs.getString(3)), t, d);
    }
}
