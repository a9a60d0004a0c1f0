package cn.fupin.matching;

import cn.fupin.household.Cause;
import cn.fupin.household.Health;
import cn.fupin.household.Household;
import cn.fupin.household.HouseholdStatus;
import cn.fupin.household.HousingGrade;
import cn.fupin.household.LabourAbility;
import cn.fupin.household.Member;
import cn.fupin.household.Relation;
import cn.fupin.household.ResidentIdNumber;
import cn.fupin.household.Schooling;
import cn.fupin.household.Sex;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random valid households that lean on the policy's edges: ages around every age standard (and birthdays
 * on, just before and just after the evaluation date, and on 29 February), incomes equal to or a cent around each money standard, lone members.
 */
public final class RandomHouseholds {

    private static final String[] REGIONS = {"520102", "520302", "520381", "522301"};
    private static final int[] EDGE_AGES = {4, 5, 6, 7, 14, 15, 16, 17, 58, 59, 60, 61, 63, 64, 65, 66};
    private static final String[] EDGE_INCOMES = {
        "3999.99", "4000", "4000.01", "4499.99", "4500", "4500.01", "4999.99", "5000", "5000.01", "5599.99", "5600",
        "5999.99", "6000", "6000.01", "0"
    };

    private final Random random;

    public RandomHouseholds(long seed) {
        this.random = new Random(seed);
    }

    public Household next(int n, LocalDate asOf) {
        String region = pick(REGIONS);
        String id = region + "-" + String.format("%06d", n);
        int size = random.nextInt(10) < 3 ? 1 : 1 + random.nextInt(6);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(member(id + "-" + (i + 1), region, i, asOf));
        }
        Set<Cause> causes = new LinkedHashSet<>();
        int causeCount = random.nextInt(4);
        for (int i = 0; i < causeCount; i++) {
            causes.add(pick(Cause.values()));
        }
        BigDecimal income = random.nextBoolean()
                ? new BigDecimal(pick(EDGE_INCOMES))
                : BigDecimal.valueOf(random.nextInt(1_200_000), 2);
        return new Household(
                id,
                region,
                pick(HouseholdStatus.values()),
                income,
                pick(HousingGrade.values()),
                random.nextInt(5) > 0,
                random.nextInt(5) > 0,
                random.nextInt(3) == 0 ? 0 : random.nextInt(3),
                random.nextBoolean(),
                List.copyOf(causes),
                random.nextInt(6) == 0,
                members);
    }

    private Member member(String memberId, String region, int index, LocalDate asOf) {
        int age = random.nextBoolean() ? EDGE_AGES[random.nextInt(EDGE_AGES.length)] : random.nextInt(95);
        // Born exactly `age` years ago, a day later (still a year younger) or a day earlier: birthdays on, just
        // after and just before the date; and now and then on 29 February, whose birthday in other years is 1 March.
        LocalDate birth = asOf.minusYears(age).plusDays(random.nextInt(4) == 0 ? 1 : random.nextInt(4) == 0 ? -1 : 0);
        if (random.nextInt(10) == 0) {
            int year = birth.getYear();
            while (!Year.isLeap(year)) {
                year--;
            }
            birth = LocalDate.of(year, 2, 29);
        }
        if (birth.isAfter(asOf)) {
            birth = asOf;
        }
        Sex sex = pick(Sex.values());
        int disability = random.nextInt(3) == 0 ? random.nextInt(5) : 0;
        return new Member(
                memberId,
                ResidentIdNumber.of(region, birth, sex, index + 1),
                "成员",
                index == 0 ? Relation.HEAD : pick(Relation.values()),
                sex,
                birth,
                pick(Health.values()),
                disability,
                pick(LabourAbility.values()),
                random.nextBoolean(),
                random.nextBoolean(),
                random.nextBoolean(),
                pick(Schooling.values()),
                random.nextInt(4) > 0);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    /**
     * A household as the JSON of the API, moved to another region code (its own ids and its members' with it),
     * with a cause where it has none (registration requires one): a test's households under a region of its own.
     */
    public static String jsonIn(Household household, String region) {
        return JsonMapper.builder()
                .build()
                .writeValueAsString(household)
                .replace("\"" + household.regionCode() + "-", "\"" + region + "-")
                .replace("\"regionCode\":\"" + household.regionCode() + "\"", "\"regionCode\":\"" + region + "\"")
                .replace("\"causes\":[]", "\"causes\":[\"ILLNESS\"]");
    }
}
