package cn.fupin.matching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.household.Household;
import cn.fupin.household.Member;
import cn.fupin.policy.RuleSet;
import cn.fupin.policy.RuleSetCompiler;
import cn.fupin.policy.RulesFolder;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a case worker reads is in a fixed order: by action, then measure, then the member's place in the
 * household (household measures first), one entry per measure and target, and where several rules grant the
 * same one their names and reasons joined in rule-name order, each once. Checked on random households.
 */
class RecommendationOrderTests {

    static final LocalDate AS_OF = LocalDate.parse("2020-06-30");

    @Test
    void recommendationsComeInActionMeasureAndMemberOrderWithJoinedRulesInNameOrder() {
        RuleSet ruleSet =
                new RuleSetCompiler(Clock.systemUTC()).compile(new RulesFolder(RuleScenariosTests.RULES).read());
        RandomHouseholds households = new RandomHouseholds(21);
        int joined = 0;
        for (int n = 0; n < 3000; n++) {
            Household household = households.next(n, AS_OF);
            RuleSession.Input input =
                    new RuleSession.Input(household, ruleSet.standards().resolve(household.regionCode(), AS_OF));
            List<Recommendation> found =
                    RuleSession.run(ruleSet, List.of(input), AS_OF).get(household.householdId());
            List<String> memberIds =
                    household.members().stream().map(Member::memberId).toList();
            Comparator<Recommendation> expected = Comparator.comparing(Recommendation::action)
                    .thenComparing(Recommendation::measure)
                    .thenComparingInt(r -> r.memberId() == null ? -1 : memberIds.indexOf(r.memberId()));
            List<Recommendation> sorted = new ArrayList<>(found);
            sorted.sort(expected);
            assertThat(found).as(household.householdId()).isEqualTo(sorted);
            assertThat(found.stream().map(Recommendation::target).distinct()).hasSameSizeAs(found);
            for (Recommendation r : found) {
                List<String> rules = Arrays.asList(r.rule().split("；"));
                if (rules.size() > 1) {
                    joined++;
                    assertThat(rules).as(r.target()).isSorted().doesNotHaveDuplicates();
                }
            }
        }
        assertThat(joined).as("recommendations granted by several rules").isGreaterThan(100);
    }
}
