package cn.fupin.scenario;

import cn.fupin.household.Household;
import cn.fupin.household.HouseholdReader;
import cn.fupin.matching.Recommendation;
import cn.fupin.matching.RuleSession;
import cn.fupin.policy.RuleSet;
import cn.fupin.policy.StandardNotInForceException;
import cn.fupin.quality.Finding;
import cn.fupin.quality.QualitySession;
import cn.fupin.quality.SharedIdNumber;
import cn.fupin.system.InvalidInputException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs scenarios against a rule set, through the same household validation and the same engine session
 * as a case worker's request.
 */
public final class ScenarioRunner {

    private final HouseholdReader reader;

    public ScenarioRunner(Clock clock) {
        this.reader = new HouseholdReader(clock);
    }

    public ScenarioResult run(RuleSet ruleSet, Scenario scenario) {
        List<String> failures = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        Map<String, String> reasons = new HashMap<>();
        List<String> found = new ArrayList<>();
        Map<String, String> findingTexts = new HashMap<>();
        try {
            Household household = reader.read(scenario.household());
            RuleSession.Input input = new RuleSession.Input(
                    household, ruleSet.standards().resolve(household.regionCode(), scenario.asOf()));
            for (Recommendation r :
                    RuleSession.run(ruleSet, List.of(input), scenario.asOf()).get(household.householdId())) {
                String key =
                        r.memberId() == null ? r.measure().name() : r.measure().name() + "@" + r.memberId();
                actual.add(key);
                reasons.put(key, r.reason());
            }
            List<SharedIdNumber> shared = new ArrayList<>();
            scenario.sharedIdNumbers()
                    .forEach((member, others) ->
                            shared.add(new SharedIdNumber(household.householdId(), member, others)));
            for (Finding f : QualitySession.check(ruleSet, List.of(input), shared, scenario.asOf())
                    .get(household.householdId())) {
                found.add(f.key());
                findingTexts.put(f.key(), f.getMessage());
            }
            if (scenario.error() != null) {
                failures.add("expected standard " + scenario.error()
                        + " not to be in force, but the household was evaluated");
            }
        } catch (InvalidInputException e) {
            failures.add("the scenario's household is invalid: " + e.errors());
        } catch (StandardNotInForceException e) {
            boolean expected = scenario.error() != null
                    && e.missing().stream().anyMatch(n -> n.key().equals(scenario.error()));
            if (!expected) {
                failures.add("cannot be evaluated: " + e.getMessage());
            }
            return new ScenarioResult(scenario.file(), scenario.name(), scenario.expect(), actual, failures);
        }
        for (String measure : scenario.expect()) {
            if (!actual.contains(measure)) {
                failures.add("expected " + measure + " but it was not recommended");
            }
        }
        for (String measure : scenario.absent()) {
            boolean present = measure.contains("@")
                    ? actual.contains(measure)
                    : actual.stream().anyMatch(a -> a.equals(measure) || a.startsWith(measure + "@"));
            if (present) {
                failures.add("expected no " + measure + " but it was recommended");
            }
        }
        if (scenario.only()) {
            actual.stream()
                    .filter(a -> !scenario.expect().contains(a))
                    .forEach(a -> failures.add("recommended " + a + " which the scenario does not expect"));
        }
        for (String finding : scenario.findings()) {
            if (!found.contains(finding)) {
                failures.add("expected finding " + finding + " but it was not reported (reported: " + found + ")");
            }
        }
        for (String finding : scenario.noFindings()) {
            boolean present = finding.contains("@")
                    ? found.contains(finding)
                    : found.stream().anyMatch(a -> a.equals(finding) || a.startsWith(finding + "@"));
            if (present) {
                failures.add("expected no finding " + finding + " but it was reported");
            }
        }
        scenario.findingTexts().forEach((finding, text) -> {
            String message = findingTexts.get(finding);
            if (message == null || !message.contains(text)) {
                failures.add("the finding " + finding + " should contain '" + text + "' but is '" + message + "'");
            }
        });
        scenario.reasons().forEach((measure, text) -> {
            String reason = reasons.get(measure);
            if (reason == null || !reason.contains(text)) {
                failures.add("the reason for " + measure + " should contain '" + text + "' but is '" + reason + "'");
            }
        });
        return new ScenarioResult(scenario.file(), scenario.name(), scenario.expect(), actual, failures);
    }
}
