package cn.fupin.matching;

import cn.fupin.household.Household;
import cn.fupin.policy.ActiveRuleSet;
import cn.fupin.policy.RuleSet;
import cn.fupin.system.FieldError;
import cn.fupin.system.FieldErrors;
import cn.fupin.system.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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
     * @throws InvalidInputException if a member is born after {@code asOf} (no age on that date)
     */
    public Evaluation evaluate(Household household, LocalDate asOf) {
        FieldErrors errors = new FieldErrors();
        checkBornBy(household, asOf, errors);
        errors.throwIfAny();
        RuleSet ruleSet = activeRuleSet.get();
        RuleSession.Input input =
                new RuleSession.Input(household, ruleSet.standards().resolve(household.regionCode(), asOf));
        List<Recommendation> recommendations =
                RuleSession.run(ruleSet, List.of(input), asOf).get(household.householdId());
        return new Evaluation(
                null,
                household.householdId(),
                asOf,
                ruleSet.version(),
                OffsetDateTime.now(clock),
                null,
                recommendations);
    }

    /** A member born after the evaluation date has no age on it: the date or the birth date is wrong. */
    static void checkBornBy(Household household, LocalDate date, FieldErrors errors) {
        for (int i = 0; i < household.members().size(); i++) {
            if (household.members().get(i).birthDate().isAfter(date)) {
                errors.add(new FieldError("members[" + i + "].birthDate", "is after the evaluation date asOf"));
            }
        }
    }
}
