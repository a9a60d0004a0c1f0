package cn.fupin.scenario;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One scenario test of the rules folder: a household on a date, and what the rules must answer.
 * Expectations are written {@code MEASURE} for a household measure and {@code MEASURE@memberId} for a
 * member's; in {@code absent}, a bare {@code MEASURE} means "for nobody".
 *
 * @param household     the household as JSON, after the scenario's changes to the baseline
 * @param expect        measures that must be recommended
 * @param absent        measures that must not be recommended
 * @param only          when true, {@code expect} is the whole answer
 * @param reasons       text each named measure's reason must contain
 * @param error         the standard that must be reported as not in force (instead of any answer)
 * @param findings      quality findings that must be reported, {@code CODE} or {@code CODE@memberId}
 * @param noFindings    findings that must not be reported (a bare code: for nobody)
 * @param findingTexts  text each named finding's sentence must contain
 * @param sharedIdNumbers per member id, the other households its ID number is registered in
 */
public record Scenario(
        String file,
        int index,
        String name,
        LocalDate asOf,
        JsonNode household,
        List<String> expect,
        List<String> absent,
        boolean only,
        Map<String, String> reasons,
        String error,
        List<String> findings,
        List<String> noFindings,
        Map<String, String> findingTexts,
        Map<String, List<String>> sharedIdNumbers) {}
