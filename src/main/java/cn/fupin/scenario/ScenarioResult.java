package cn.fupin.scenario;

import java.util.List;

/** How a scenario went: what was expected and what the rules answered, and each difference. */
public record ScenarioResult(
        String file, String name, List<String> expected, List<String> actual, List<String> failures) {

    public boolean passed() {
        return failures.isEmpty();
    }
}
