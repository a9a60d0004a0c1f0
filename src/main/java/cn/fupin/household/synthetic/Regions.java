package cn.fupin.household.synthetic;

import java.util.Random;

/** Counties of a province with prefix 52 (GB/T 2260), under several cities including 5203. */
final class Regions {

    private static final String[] COUNTIES = {
        "520102", "520103", "520111", "520112", "520113", "520201", "520203", "520221", "520222", "520302", "520303",
        "520304", "520322", "520323", "520324", "520402", "520403", "520422", "520502", "520521", "520522", "520602",
        "520603", "520621", "522301", "522302", "522323", "522601", "522622", "522623", "522701", "522702", "522722"
    };

    private Regions() {}

    static String pick(Random random) {
        return COUNTIES[random.nextInt(COUNTIES.length)];
    }
}
