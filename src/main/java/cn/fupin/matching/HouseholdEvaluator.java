package cn.fupin.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.fupin.household.Household;
import cn.fupin.policy.ActiveRuleSet;
import cn.fupin.policy.RuleSet;
import org.springframework.stereotype.Service;

/** Evaluates a household against the active rule set on a date. */
@Service
public class HouseholdEvaluator {

    private final ActiveRuleSet activeRuleSet;
    private final Clock clock;

    public HouseholdEvaluator(ActiveRuleSet activeRuleSet, Clock clock) {
        this.activeRuleSet = activeRuleSet;
        this.clock = clock;
    }

    /**
     * @throws cn.fupin.policy.StandardNotInForceException if a standard has no value yet on {@code asOf}
     */
    public Evaluation evaluate(Household household, LocalDate asOf) {
        RuleSet ruleSet = activeRuleSet.get();
        RuleSession.Input input = new RuleSession.Input(household,
                ruleSet.standards().resolve(household.regionCode(), asOf));
        List<Recommendation> recommendations = RuleSession.run(ruleSet, List.of(input), asOf)
                .get(household.householdId());
        return new Evaluation(null, household.householdId(), asOf, ruleSet.version(),
                OffsetDateTime.now(clock).withNano(0), recommendations);
    }
}
