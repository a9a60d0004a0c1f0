package cn.fupin.household.synthetic;

import cn.fupin.household.Cause;
import cn.fupin.household.HouseholdStatus;
import cn.fupin.household.HousingGrade;
import java.math.BigDecimal;
import java.util.Random;

/** The assumed distributions of a generated province (not from the plan; see src/docs/api.md, "A province to work on"). */
final class Draws {

    /** Household sizes 1–8 in per mille: mostly 2–4, about 3 people a household on average. */
    private static final int[] SIZES = {120, 270, 300, 190, 70, 35, 10, 5};
    /** Primary causes of MONITORED and LIFTED households, in the proportions of the plan's POOR ones. */
    private static final Cause[] CAUSES = {
        Cause.ILLNESS,
        Cause.DISABILITY,
        Cause.EDUCATION,
        Cause.LACK_OF_LABOUR,
        Cause.DISASTER,
        Cause.LACK_OF_FUNDS,
        Cause.OTHER,
        Cause.LACK_OF_SKILLS
    };

    private static final int[] CAUSE_WEIGHTS = {10_900, 2_017, 544, 263, 143, 137, 133, 98};

    private Draws() {}

    static int householdSize(Random random) {
        return 1 + weighted(SIZES, random);
    }

    static Cause primaryCause(Random random) {
        return CAUSES[weighted(CAUSE_WEIGHTS, random)];
    }

    /** Yuan per person and year: POOR around the 低保 and poverty lines, others mostly above the monitoring line. */
    static BigDecimal income(HouseholdStatus status, Random random) {
        int yuan = switch (status) {
            case POOR -> 1_500 + random.nextInt(4_500);
            case MONITORED -> 4_000 + random.nextInt(5_000);
            case LIFTED -> 5_000 + random.nextInt(11_000);
        };
        return BigDecimal.valueOf(yuan);
    }

    static HousingGrade housing(HouseholdStatus status, Random random) {
        int[] weights = status == HouseholdStatus.POOR ? new int[] {300, 550, 100, 50} : new int[] {600, 370, 25, 5};
        return HousingGrade.values()[weighted(weights, random)];
    }

    static int weighted(int[] weights, Random random) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
