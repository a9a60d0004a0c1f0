package cn.fupin.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The findings a run recorded ({@code quality_finding}), written in the transaction of the run's chunk. */
@Repository
public class FindingStore {

    private final JdbcTemplate jdbc;

    FindingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the findings of a chunk's households for the run; returns how many rows it wrote. Two rules
     * reporting the same code for the same target make one row, their sentences joined.
     *
     * @param regions each household's region code
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int record(String runId, Map<String, List<Finding>> findings, Map<String, String> regions) {
        List<Object[]> rows = new ArrayList<>();
        findings.forEach((householdId, list) -> {
            Map<String, List<Finding>> byTarget = list.stream()
                    .collect(Collectors.groupingBy(
                            f -> f.getCode() + "@" + (f.getMemberId() == null ? "" : f.getMemberId()),
                            LinkedHashMap::new,
                            Collectors.toList()));
            for (List<Finding> same : byTarget.values()) {
                Finding first = same.get(0);
                rows.add(new Object[] {
                    runId,
                    householdId,
                    first.getMemberId() == null ? "" : first.getMemberId(),
                    first.getCode(),
                    first.getSeverity().name(),
                    regions.get(householdId),
                    same.stream().map(Finding::getRule).distinct().collect(Collectors.joining("；")),
                    same.stream().map(Finding::getMessage).distinct().collect(Collectors.joining("；"))
                });
            }
        });
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO quality_finding (reevaluation_id, household_id, member_id, code, severity, region_code,
                           rule_name, message)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, rows);
        }
        return rows.size();
    }
}
