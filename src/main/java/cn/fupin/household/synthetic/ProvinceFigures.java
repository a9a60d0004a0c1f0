package cn.fupin.household.synthetic;

import cn.fupin.household.Cause;
import java.util.EnumMap;
import java.util.Map;

/**
 * The figures of the provincial plan (840,000 registered people) that a generated province reproduces
 * exactly, each scaled to the size asked for and rounded.
 */
record ProvinceFigures(
        int people,
        Map<Cause, Integer> poorByPrimaryCause,
        int poorWithLackOfMotivation,
        int poorIllOrDisabled,
        int poorNormalLabourers,
        int poorWeakLabourers,
        int monitored) {

    static final int PLAN_PEOPLE = 840_000;

    static ProvinceFigures scaledTo(int people) {
        double f = (double) people / PLAN_PEOPLE;
        Map<Cause, Integer> byCause = new EnumMap<>(Cause.class);
        byCause.put(Cause.ILLNESS, scale(10_900, f));
        byCause.put(Cause.DISABILITY, scale(2_017, f));
        byCause.put(Cause.EDUCATION, scale(544, f));
        byCause.put(Cause.LACK_OF_LABOUR, scale(263, f));
        byCause.put(Cause.DISASTER, scale(143, f));
        byCause.put(Cause.LACK_OF_FUNDS, scale(137, f));
        byCause.put(Cause.OTHER, scale(133, f));
        byCause.put(Cause.LACK_OF_SKILLS, scale(98, f));
        return new ProvinceFigures(
                people, byCause, scale(106, f), scale(8_989, f), scale(4_234, f), scale(2_833, f), scale(210_000, f));
    }

    int poor() {
        return poorByPrimaryCause.values().stream().mapToInt(Integer::intValue).sum();
    }

    int lifted() {
        return people - poor() - monitored;
    }

    private static int scale(int planFigure, double f) {
        return (int) Math.round(planFigure * f);
    }
}
