package cn.fupin.matching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.household.Household;
import cn.fupin.policy.RuleSet;
import cn.fupin.policy.RuleSetCompiler;
import cn.fupin.policy.RulesFolder;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules folder and an independent plain-Java reading of the policy give the same measures for
 * thousands of random households, one at a time and in shared sessions as bulk runs will use them.
 */
class RulesAgreeWithPolicyTests {

    static RuleSet ruleSet;
    static ReferenceStandards standards;

    @BeforeAll
    static void compileRules() {
        ruleSet = new RuleSetCompiler(Clock.systemUTC()).compile(new RulesFolder(RuleScenariosTests.RULES).read());
        standards = ReferenceStandards.of(RuleScenariosTests.RULES);
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"2019-06-30", "2020-01-01", "2020-02-29", "2020-06-30", "2021-02-28", "2021-03-01"})
    void everyRandomHouseholdGetsWhatThePolicySays(String date) {
        LocalDate asOf = LocalDate.parse(date);
        RandomHouseholds households = new RandomHouseholds(date.hashCode());
        List<String> disagreements = new ArrayList<>();
        List<RuleSession.Input> batch = new ArrayList<>();
        for (int n = 0; n < 2000; n++) {
            Household household = households.next(n, asOf);
            RuleSession.Input input =
                    new RuleSession.Input(household, ruleSet.standards().resolve(household.regionCode(), asOf));
            batch.add(input);
            Set<String> byRules =
                    keys(RuleSession.run(ruleSet, List.of(input), asOf).get(household.householdId()));
            Set<String> byPolicy =
                    ReferencePolicy.measures(household, standards.on(household.regionCode(), asOf), asOf);
            if (!byRules.equals(byPolicy)) {
                disagreements.add(household.householdId() + ": rules " + byRules + " policy " + byPolicy);
            }
        }
        assertThat(disagreements)
                .as("households where the rules and the policy disagree")
                .isEmpty();

        Map<String, List<Recommendation>> together = RuleSession.run(ruleSet, batch, asOf);
        for (RuleSession.Input input : batch) {
            assertThat(keys(together.get(input.household().householdId())))
                    .as(
                            "household %s evaluated in a shared session",
                            input.household().householdId())
                    .isEqualTo(ReferencePolicy.measures(
                            input.household(), standards.on(input.household().regionCode(), asOf), asOf));
        }
    }

    static Set<String> keys(List<Recommendation> recommendations) {
        Set<String> keys = new TreeSet<>();
        for (Recommendation r : recommendations) {
            keys.add(r.memberId() == null ? r.measure().name() : r.measure().name() + "@" + r.memberId());
        }
        return keys;
    }
}
