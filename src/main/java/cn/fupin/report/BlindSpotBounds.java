package cn.fupin.report;

import cn.fupin.policy.ActiveRuleSet;
import cn.fupin.policy.RuleSet;
import cn.fupin.policy.RuleSetStore;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** What the blind spots are measured against now, for the report's figures and its lists alike. */
@Component
@EnableConfigurationProperties(CoverageSettings.class)
class BlindSpotBounds {

    private final ActiveRuleSet activeRuleSet;
    private final RuleSetStore ruleSets;
    private final CoverageSettings settings;
    private final Clock clock;

    BlindSpotBounds(ActiveRuleSet activeRuleSet, RuleSetStore ruleSets, CoverageSettings settings, Clock clock) {
        this.activeRuleSet = activeRuleSet;
        this.ruleSets = ruleSets;
        this.settings = settings;
        this.clock = clock;
    }

    BlindSpot.Bounds now() {
        RuleSet active = activeRuleSet.get();
        return new BlindSpot.Bounds(
                active.version(), ruleSets.decidingAs(active), settings.overdueBefore(LocalDate.now(clock)));
    }
}
