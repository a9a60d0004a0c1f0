package cn.fupin.matching.scenario;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.fupin.household.Household;
import cn.fupin.household.HouseholdReader;
import cn.fupin.matching.Recommendation;
import cn.fupin.matching.RuleSession;
import cn.fupin.policy.RuleSet;
import cn.fupin.policy.StandardNotInForceException;
import cn.fupin.system.InvalidInputException;

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
        Map<String, String> reasons = new java.util.HashMap<>();
        try {
            Household household = reader.read(scenario.household());
            RuleSession.Input input = new RuleSession.Input(household,
                    ruleSet.standards().resolve(household.regionCode(), scenario.asOf()));
            for (Recommendation r : RuleSession.run(ruleSet, List.of(input), scenario.asOf()).get(household.householdId())) {
                String key = r.memberId() == null ? r.measure().name() : r.measure().name() + "@" + r.memberId();
                actual.add(key);
                reasons.put(key, r.reason());
            }
            if (scenario.error() != null) {
                failures.add("expected standard " + scenario.error() + " not to be in force, but the household was evaluated");
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
            boolean present = measure.contains("@") ? actual.contains(measure)
                    : actual.stream().anyMatch(a -> a.equals(measure) || a.startsWith(measure + "@"));
            if (present) {
                failures.add("expected no " + measure + " but it was recommended");
            }
        }
        if (scenario.only()) {
            actual.stream().filter(a -> !scenario.expect().contains(a))
                    .forEach(a -> failures.add("recommended " + a + " which the scenario does not expect"));
        }
        scenario.reasons().forEach((measure, text) -> {
            String reason = reasons.get(measure);
            if (reason == null || !reason.contains(text)) {
                failures.add("the reason for " + measure + " should contain '" + text + "' but is '" + reason + "'");
            }
        });
        return new ScenarioResult(scenario.file(), scenario.name(), scenario.expect(), actual, failures);
    }
}
