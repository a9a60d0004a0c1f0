package cn.fupin.reevaluation;

import cn.fupin.matching.Measure;
import cn.fupin.system.Csv;
import cn.fupin.system.QueryParameters;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the diff of a run: changed households a page at a time, all of it as CSV, and its summary. */
@Repository
class ReevaluationDiff {

    /** A measure gained or lost: its code and target (memberId null for a household measure), rule and reason. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MeasureChange(Measure measure, String measureName, String memberId, String rule, String reason) {}

    record HouseholdChange(
            String householdId,
            String regionCode,
            int gainedPeople,
            int lostPeople,
            List<MeasureChange> gained,
            List<MeasureChange> lost) {}

    record ChangePage(
            String reevaluationId,
            List<HouseholdChange> content,
            int page,
            int size,
            long totalElements,
            int totalPages) {}

    record Skipped(String householdId, String reason) {}

    record SkippedPage(
            String reevaluationId, List<Skipped> content, int page, int size, long totalElements, int totalPages) {}

    private final NamedParameterJdbcTemplate jdbc;

    ReevaluationDiff(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Changed households under a region prefix, in id order, page from 0. */
    ChangePage page(String reevaluationId, String regionPrefix, int page, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", reevaluationId)
                .addValue("prefix", regionPrefix + "%")
                .addValue("size", size)
                .addValue("offset", (long) page * size);
        Long total = jdbc.queryForObject("""
                SELECT COUNT(*) FROM reevaluation_household WHERE reevaluation_id = :id AND region_code LIKE :prefix
                """, params, Long.class);
        List<HouseholdChange> households = households(params, """
                SELECT household_id, region_code, gained_people, lost_people FROM reevaluation_household
                 WHERE reevaluation_id = :id AND region_code LIKE :prefix
                 ORDER BY household_id LIMIT :size OFFSET :offset
                """);
        return new ChangePage(reevaluationId, households, page, size, total, QueryParameters.pageCount(total, size));
    }

    /**
     * Households the run did not evaluate, and why (a member born after its date; for a real run, a newer
     * evaluation that stands); in id order.
     */
    SkippedPage skipped(String reevaluationId, String regionPrefix, int page, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", reevaluationId)
                .addValue("size", size)
                .addValue("offset", (long) page * size)
                .addValue("prefix", regionPrefix + "%");
        String within = """
                FROM reevaluation_skip s JOIN household h ON h.household_id = s.household_id
                WHERE s.reevaluation_id = :id AND h.region_code LIKE :prefix""";
        Long total = jdbc.queryForObject("SELECT COUNT(*) " + within, params, Long.class);
        List<Skipped> rows = jdbc.query(
                "SELECT s.household_id, s.reason " + within + """

                 ORDER BY s.household_id LIMIT :size OFFSET :offset
                """,
                params,
                (rs, i) -> new Skipped(rs.getString(1), rs.getString(2)));
        return new SkippedPage(reevaluationId, rows, page, size, total, QueryParameters.pageCount(total, size));
    }

    private static final String CSV_HEADER =
            "householdId,regionCode,change,measure,measureName,memberId,rule,reason\r\n";

    /**
     * Every measure gained or lost under a region prefix, one line each, in household order. UTF-8 with a
     * byte-order mark, so that spreadsheet programs read the Chinese as Chinese. Read a thousand households at
     * a time, so that a province-wide diff streams in bounded memory.
     */
    /** The changes as CSV; each page's households go to {@code beforeEachPage} (the audit) before it is written. */
    void csv(String reevaluationId, String regionPrefix, OutputStream out, Consumer<List<String>> beforeEachPage) {
        try {
            out.write(Csv.BOM);
            out.write(CSV_HEADER.getBytes(StandardCharsets.UTF_8));
            String after = "";
            while (true) {
                MapSqlParameterSource params = new MapSqlParameterSource("id", reevaluationId)
                        .addValue("prefix", regionPrefix + "%")
                        .addValue("after", after);
                List<HouseholdChange> households = households(params, """
                        SELECT household_id, region_code, gained_people, lost_people FROM reevaluation_household
                         WHERE reevaluation_id = :id AND region_code LIKE :prefix AND household_id > :after
                         ORDER BY household_id LIMIT 1000
                        """);
                if (households.isEmpty()) {
                    break;
                }
                beforeEachPage.accept(
                        households.stream().map(HouseholdChange::householdId).toList());
                StringBuilder lines = new StringBuilder();
                for (HouseholdChange h : households) {
                    lines(lines, h, "GAINED", h.gained());
                    lines(lines, h, "LOST", h.lost());
                }
                out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
                after = households.get(households.size() - 1).householdId();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void lines(StringBuilder out, HouseholdChange h, String change, List<MeasureChange> measures) {
        for (MeasureChange m : measures) {
            out.append(h.householdId())
                    .append(',')
                    .append(h.regionCode())
                    .append(',')
                    .append(change)
                    .append(',')
                    .append(m.measure().name())
                    .append(',')
                    .append(Csv.quoted(m.measureName()))
                    .append(',')
                    .append(m.memberId() == null ? "" : m.memberId())
                    .append(',')
                    .append(Csv.quoted(m.rule()))
                    .append(',')
                    .append(Csv.quoted(m.reason()))
                    .append("\r\n");
        }
    }

    private List<HouseholdChange> households(MapSqlParameterSource params, String sql) {
        record Row(String id, String region, int gained, int lost) {}
        List<Row> rows = jdbc.query(
                sql, params, (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<MeasureChange>> gained = new LinkedHashMap<>();
        Map<String, List<MeasureChange>> lost = new LinkedHashMap<>();
        jdbc.query(
                """
                SELECT household_id, direction, measure, member_id, rule_name, reason FROM reevaluation_change
                 WHERE reevaluation_id = :id AND household_id IN (:ids)
                 ORDER BY household_id, direction, measure, member_id
                """,
                new MapSqlParameterSource("id", params.getValue("id"))
                        .addValue("ids", rows.stream().map(Row::id).toList()),
                rs -> {
                    Measure measure = Measure.valueOf(rs.getString("measure"));
                    String memberId = rs.getString("member_id");
                    MeasureChange change = new MeasureChange(
                            measure,
                            measure.title(),
                            memberId.isEmpty() ? null : memberId,
                            rs.getString("rule_name"),
                            rs.getString("reason"));
                    (rs.getString("direction").equals("GAINED") ? gained : lost)
                            .computeIfAbsent(rs.getString("household_id"), id -> new ArrayList<>())
                            .add(change);
                });
        return rows.stream()
                .map(r -> new HouseholdChange(
                        r.id(),
                        r.region(),
                        r.gained(),
                        r.lost(),
                        gained.getOrDefault(r.id(), List.of()),
                        lost.getOrDefault(r.id(), List.of())))
                .toList();
    }
}
