package cn.fupin.quality;

import cn.fupin.policy.ActiveRuleSet;
import cn.fupin.system.Csv;
import cn.fupin.system.NotFoundException;
import cn.fupin.system.QueryParameters;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The registry's quality in a region, from the latest completed run that checked the whole region (a
 * quality-only run or a real re-evaluation), compared with the run before it: what a correction fixed is
 * not found again, and counts as fixed.
 */
@Service
public class QualityReport {

    /**
     * A run the report stands on.
     *
     * @param skipped households it could not check on its date (a member born later), listed at
     *                {@code /api/reevaluations/{id}/skipped}: they count neither as found nor as fixed
     */
    public record Run(
            String reevaluationId,
            boolean qualityOnly,
            String regionCode,
            LocalDate asOf,
            String rulesetVersion,
            OffsetDateTime completedAt,
            long processed,
            long skipped) {}

    /** One code's count: findings and the households they are in; fixed and new against the previous run. */
    public record CodeCount(
            String code,
            Severity severity,
            String title,
            long findings,
            long households,
            Long fixedSincePrevious,
            Long newSincePrevious) {}

    /** One region's count of one code (the region code cut to {@code regionDigits}). */
    public record RegionCount(String regionCode, String code, Severity severity, long findings, long households) {}

    public record Report(
            String regionCode,
            Run run,
            Run previousRun,
            long errors,
            long warnings,
            long householdsWithFindings,
            Long fixedSincePrevious,
            Long newSincePrevious,
            List<CodeCount> byCode,
            List<RegionCount> byRegion) {}

    /** A finding as listed in the drill-down. */
    public record Line(
            String householdId,
            String memberId,
            String regionCode,
            String code,
            Severity severity,
            String rule,
            String message) {}

    public record Page(
            String reevaluationId, List<Line> content, int page, int size, long totalElements, int totalPages) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final ActiveRuleSet active;
    private final ZoneId zone;

    QualityReport(NamedParameterJdbcTemplate jdbc, ActiveRuleSet active, Clock clock) {
        this.jdbc = jdbc;
        this.active = active;
        this.zone = clock.getZone();
    }

    /**
     * The report; before any completed run has checked the whole region, one with no run ({@code run} null) and
     * every code at zero.
     */
    public Report of(String regionPrefix, int regionDigits) {
        List<Run> runs = runs(regionPrefix);
        if (runs.isEmpty()) {
            List<CodeCount> codes = FindingCodes.of(active.get()).values().stream()
                    .map(c -> new CodeCount(c.code(), c.severity(), c.title(), 0, 0, null, null))
                    .toList();
            return new Report(regionPrefix, null, null, 0, 0, 0, null, null, codes, List.of());
        }
        Run run = runs.get(0);
        Run previous = runs.size() > 1 ? runs.get(1) : null;
        MapSqlParameterSource params = new MapSqlParameterSource("run", run.reevaluationId())
                .addValue("prefix", regionPrefix + "%")
                .addValue("previous", previous == null ? "" : previous.reevaluationId());
        Map<String, FindingCodes.Code> codes = FindingCodes.of(active.get());
        Map<String, long[]> counts = new LinkedHashMap<>(); // code -> findings, households, fixed, new
        Map<String, Severity> severities = new LinkedHashMap<>();
        jdbc.query("""
                SELECT code, severity, COUNT(*), COUNT(DISTINCT household_id) FROM quality_finding
                 WHERE reevaluation_id = :run AND region_code LIKE :prefix GROUP BY code, severity
                """, params, rs -> {
            counts.computeIfAbsent(rs.getString(1), c -> new long[4])[0] += rs.getLong(3);
            counts.get(rs.getString(1))[1] += rs.getLong(4);
            severities.put(rs.getString(1), Severity.valueOf(rs.getString(2)));
        });
        if (previous != null) {
            changed(params, ":previous", ":run", counts, 2);
            changed(params, ":run", ":previous", counts, 3);
        }
        List<CodeCount> byCode = new ArrayList<>();
        Set<String> all = new TreeSet<>(codes.keySet());
        all.addAll(counts.keySet());
        long errors = 0;
        long warnings = 0;
        for (String code : all) {
            long[] c = counts.getOrDefault(code, new long[4]);
            FindingCodes.Code known = codes.get(code);
            Severity severity = severities.getOrDefault(code, known == null ? Severity.WARNING : known.severity());
            byCode.add(new CodeCount(
                    code,
                    severity,
                    known == null ? code : known.title(),
                    c[0],
                    c[1],
                    previous == null ? null : c[2],
                    previous == null ? null : c[3]));
            if (severity == Severity.ERROR) {
                errors += c[0];
            } else {
                warnings += c[0];
            }
        }
        Long households = jdbc.queryForObject("""
                SELECT COUNT(DISTINCT household_id) FROM quality_finding
                 WHERE reevaluation_id = :run AND region_code LIKE :prefix
                """, params, Long.class);
        // The digits are written into the statement (a checked 2, 4 or 6): grouping by an expression with a
        // parameter is refused by H2, and by MySQL under ONLY_FULL_GROUP_BY.
        String region = "SUBSTRING(region_code, 1, " + checkedDigits(regionDigits) + ")";
        List<RegionCount> byRegion = jdbc.query(
                "SELECT " + region + " AS region, code, severity, COUNT(*),"
                        + " COUNT(DISTINCT household_id) FROM quality_finding"
                        + " WHERE reevaluation_id = :run AND region_code LIKE :prefix"
                        + " GROUP BY " + region + ", code, severity ORDER BY region, code",
                params,
                (rs, i) -> new RegionCount(
                        rs.getString(1),
                        rs.getString(2),
                        Severity.valueOf(rs.getString(3)),
                        rs.getLong(4),
                        rs.getLong(5)));
        Long fixed = previous == null
                ? null
                : byCode.stream().mapToLong(CodeCount::fixedSincePrevious).sum();
        Long added = previous == null
                ? null
                : byCode.stream().mapToLong(CodeCount::newSincePrevious).sum();
        return new Report(
                regionPrefix,
                run,
                previous,
                errors,
                warnings,
                households == null ? 0 : households,
                fixed,
                added,
                byCode,
                byRegion);
    }

    private static int checkedDigits(int digits) {
        if (digits != 2 && digits != 4 && digits != 6) {
            throw new IllegalArgumentException("region digits must be 2, 4 or 6, not " + digits);
        }
        return digits;
    }

    /**
     * Counts per code the findings of run {@code from} that run {@code to} did not report again, in households
     * {@code to} did check (a household it skipped is not known to be fixed).
     */
    private void changed(MapSqlParameterSource params, String from, String to, Map<String, long[]> counts, int slot) {
        jdbc.query("""
                SELECT a.code, COUNT(*) FROM quality_finding a
                 WHERE a.reevaluation_id = %s AND a.region_code LIKE :prefix
                   AND NOT EXISTS (SELECT 1 FROM quality_finding b
                                    WHERE b.reevaluation_id = %s AND b.household_id = a.household_id
                                      AND b.code = a.code AND b.member_id = a.member_id)
                   AND NOT EXISTS (SELECT 1 FROM reevaluation_skip s
                                    WHERE s.reevaluation_id = %s AND s.household_id = a.household_id)
                 GROUP BY a.code
                """.formatted(from, to, to), params, rs -> {
            counts.computeIfAbsent(rs.getString(1), c -> new long[4])[slot] = rs.getLong(2);
        });
    }

    /** The findings of the region's latest complete run, a page at a time, by household. */
    public Page findings(String regionPrefix, String code, Severity severity, int page, int size) {
        Run run = latestRuns(regionPrefix).get(0);
        MapSqlParameterSource params = filter(run, regionPrefix, code, severity);
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM quality_finding WHERE " + WHERE, params, Long.class);
        List<Line> lines = jdbc.query(
                "SELECT * FROM quality_finding WHERE " + WHERE
                        + " ORDER BY household_id, code, member_id LIMIT :size OFFSET :offset",
                params.addValue("size", size).addValue("offset", (long) page * size),
                QualityReport::line);
        return new Page(run.reevaluationId(), lines, page, size, total, QueryParameters.pageCount(total, size));
    }

    /** The same findings, every one, as CSV; read a thousand at a time in key order. */
    /** The findings as CSV, each page's households handed to {@code beforeEachPage} (the audit) before it is written. */
    public void findingsCsv(
            String regionPrefix,
            String code,
            Severity severity,
            OutputStream out,
            Consumer<List<String>> beforeEachPage) {
        Run run = latestRuns(regionPrefix).get(0);
        try {
            out.write(Csv.BOM);
            out.write(
                    "householdId,memberId,regionCode,code,severity,rule,message\r\n".getBytes(StandardCharsets.UTF_8));
            String household = "";
            String codeAfter = "";
            String memberAfter = "";
            while (true) {
                MapSqlParameterSource params = filter(run, regionPrefix, code, severity)
                        .addValue("h", household)
                        .addValue("c", codeAfter)
                        .addValue("m", memberAfter);
                List<Line> lines = jdbc.query(
                        "SELECT * FROM quality_finding WHERE " + WHERE
                                + " AND (household_id > :h OR (household_id = :h AND (code > :c OR (code = :c AND member_id > :m))))"
                                + " ORDER BY household_id, code, member_id LIMIT 1000",
                        params,
                        QualityReport::line);
                if (lines.isEmpty()) {
                    return;
                }
                beforeEachPage.accept(
                        lines.stream().map(Line::householdId).distinct().toList());
                StringBuilder text = new StringBuilder();
                for (Line l : lines) {
                    text.append(l.householdId())
                            .append(',')
                            .append(l.memberId() == null ? "" : l.memberId())
                            .append(',')
                            .append(l.regionCode())
                            .append(',')
                            .append(l.code())
                            .append(',')
                            .append(l.severity())
                            .append(',')
                            .append(Csv.quoted(l.rule()))
                            .append(',')
                            .append(Csv.quoted(l.message()))
                            .append("\r\n");
                }
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                Line last = lines.get(lines.size() - 1);
                household = last.householdId();
                codeAfter = last.code();
                memberAfter = last.memberId() == null ? "" : last.memberId();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String WHERE = "reevaluation_id = :run AND region_code LIKE :prefix"
            + " AND (:code = '' OR code = :code) AND (:severity = '' OR severity = :severity)";

    private static MapSqlParameterSource filter(Run run, String regionPrefix, String code, Severity severity) {
        return new MapSqlParameterSource("run", run.reevaluationId())
                .addValue("prefix", regionPrefix + "%")
                .addValue("code", code == null ? "" : code)
                .addValue("severity", severity == null ? "" : severity.name());
    }

    /**
     * The two runs that completed last among those that checked every household of the region (their region
     * contains it), latest first: by completion, since a resumed run may complete after one asked for later.
     */
    private List<Run> latestRuns(String regionPrefix) {
        List<Run> runs = runs(regionPrefix);
        if (runs.isEmpty()) {
            throw new NotFoundException("No completed run has checked "
                    + (regionPrefix.isEmpty() ? "the province" : "region " + regionPrefix)
                    + " yet: start one with POST /api/reevaluations {\"qualityOnly\": true}");
        }
        return runs;
    }

    private List<Run> runs(String regionPrefix) {
        return jdbc.query(
                """
                SELECT reevaluation_id, quality_only, region_prefix, as_of, ruleset_version, completed_at,
                       processed + (SELECT COALESCE(SUM(p.processed), 0) FROM reevaluation_range_progress p
                                     WHERE p.reevaluation_id = r.reevaluation_id),
                       skipped + (SELECT COALESCE(SUM(p.skipped), 0) FROM reevaluation_range_progress p
                                   WHERE p.reevaluation_id = r.reevaluation_id)
                  FROM reevaluation r
                 WHERE completed_at IS NOT NULL AND dry_run = 0 AND :region LIKE CONCAT(region_prefix, '%')
                 ORDER BY completed_at DESC, seq DESC LIMIT 2
                """,
                new MapSqlParameterSource("region", regionPrefix),
                (rs, i) -> new Run(
                        rs.getString(1),
                        rs.getInt(2) == 1,
                        rs.getString(3),
                        rs.getDate(4).toLocalDate(),
                        rs.getString(5),
                        time(rs.getTimestamp(6)),
                        rs.getLong(7),
                        rs.getLong(8)));
    }

    private OffsetDateTime time(Timestamp at) {
        return at.toInstant().atZone(zone).toOffsetDateTime();
    }

    private static Line line(ResultSet rs, int row) throws SQLException {
        String member = rs.getString("member_id");
        return new Line(
                rs.getString("household_id"),
                member.isEmpty() ? null : member,
                rs.getString("region_code"),
                rs.getString("code"),
                Severity.valueOf(rs.getString("severity")),
                rs.getString("rule_name"),
                rs.getString("message"));
    }
}
