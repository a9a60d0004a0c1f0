package cn.fupin.policy;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code rules} component of {@code /actuator/health}: the version deciding, and, when the folder did not
 * pass its gate at start, that this instance decides with the version activated last and why. The instance
 * still serves (it decides as the office last approved), so the status stays UP; the details say what to fix.
 */
@Component("rules")
@ConditionalOnWebApplication // the commands (import, audit verify, rekey) serve no health, and need no rules
class RulesHealth implements HealthIndicator {

    private final ActiveRuleSet active;

    RulesHealth(ActiveRuleSet active) {
        this.active = active;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("version", active.get().version());
        active.refusedAtStart()
                .ifPresent(report -> health.withDetail(
                                "folder", "refused at start: deciding with the version activated last")
                        .withDetail(
                                "errors",
                                report.errors().stream()
                                        .map(RuleProblem::toString)
                                        .toList())
                        .withDetail(
                                "failingScenarios", report.failingScenarios().size()));
        return health.build();
    }
}
