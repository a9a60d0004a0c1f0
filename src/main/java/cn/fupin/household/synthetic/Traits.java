package cn.fupin.household.synthetic;

import cn.fupin.household.Cause;
import cn.fupin.household.Health;
import cn.fupin.household.LabourAbility;
import cn.fupin.household.Schooling;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** Health, disability, labour and work: assumed shares for most people, the plan's exact counts for the POOR. */
final class Traits {

    private Traits() {}

    /** Assumed shares for a member of any household. */
    static void ordinary(Members.Draft m, Random random) {
        int draw = random.nextInt(100);
        m.health = draw < 8 ? Health.CHRONIC_ILLNESS : draw < 9 ? Health.SERIOUS_ILLNESS : Health.HEALTHY;
        m.disabilityGrade = random.nextInt(100) < 3 ? 1 + random.nextInt(4) : 0;
        m.labour = m.age < 16
                ? LabourAbility.NONE
                : m.age < 60 ? pick(random, 85, 10) : m.age < 75 ? pick(random, 20, 50) : LabourAbility.NONE;
        work(m, random);
        m.insured = random.nextInt(100) < 97;
    }

    /**
     * Exactly {@code normal} NORMAL and {@code weak} WEAK labourers among the POOR: labourers are members aged
     * 16 or over, so the abilities are dealt out over the POOR adults; the rest of them have none.
     */
    static void dealPoorLabour(List<ProvinceGenerator.Draft> poor, int normal, int weak, Random random) {
        List<Members.Draft> adults = new ArrayList<>();
        for (ProvinceGenerator.Draft household : poor) {
            for (Members.Draft m : household.members) {
                ordinary(m, random);
                m.labour = LabourAbility.NONE;
                if (m.age >= 16) {
                    adults.add(m);
                }
            }
        }
        if (adults.size() < normal + weak) {
            throw new IllegalStateException(
                    "too few POOR adults (" + adults.size() + ") for " + (normal + weak) + " labourers");
        }
        // Working-age adults first (16–59), then 60–74, then the oldest, each band in random order: labour
        // ability goes to the young before the old, as it does in a real registry.
        Collections.shuffle(adults, random);
        adults.sort(Comparator.comparingInt(m -> m.age < 60 ? 0 : m.age < 75 ? 1 : 2));
        for (int i = 0; i < adults.size(); i++) {
            Members.Draft m = adults.get(i);
            m.labour = i < normal ? LabourAbility.NORMAL : i < normal + weak ? LabourAbility.WEAK : LabourAbility.NONE;
            work(m, random);
        }
    }

    /**
     * Exactly {@code target} ill or disabled POOR people: one in every household whose primary cause is
     * illness or disability, the rest drawn from the other POOR people; everyone else healthy.
     */
    static void dealPoorHealth(List<ProvinceGenerator.Draft> poor, int target, Random random) {
        List<Members.Draft> others = new ArrayList<>();
        int marked = 0;
        for (ProvinceGenerator.Draft household : poor) {
            household.members.forEach(m -> {
                m.health = Health.HEALTHY;
                m.disabilityGrade = 0;
            });
            Cause primary = household.causes.get(0);
            int chosen = -1;
            if ((primary == Cause.ILLNESS || primary == Cause.DISABILITY) && marked < target) {
                chosen = random.nextInt(household.members.size());
                mark(household.members.get(chosen), primary == Cause.DISABILITY, random);
                marked++;
            }
            for (int i = 0; i < household.members.size(); i++) {
                if (i != chosen) {
                    others.add(household.members.get(i));
                }
            }
        }
        Collections.shuffle(others, random);
        for (int i = 0; i < target - marked && i < others.size(); i++) {
            mark(others.get(i), random.nextInt(10) < 3, random);
        }
    }

    private static void mark(Members.Draft m, boolean disabled, Random random) {
        if (disabled) {
            m.disabilityGrade = 1 + random.nextInt(4);
        } else {
            m.health = random.nextInt(10) < 8 ? Health.CHRONIC_ILLNESS : Health.SERIOUS_ILLNESS;
        }
    }

    private static LabourAbility pick(Random random, int normal, int weak) {
        int draw = random.nextInt(100);
        return draw < normal ? LabourAbility.NORMAL : draw < normal + weak ? LabourAbility.WEAK : LabourAbility.NONE;
    }

    /** Work that fits the labour ability and schooling: no job or job search without labour ability or while enrolled. */
    private static void work(Members.Draft m, Random random) {
        boolean enrolled = m.schooling != Schooling.NONE && m.schooling != Schooling.DROPPED_OUT;
        boolean able = m.labour != LabourAbility.NONE && !enrolled;
        m.employed = able && random.nextInt(100) < (m.labour == LabourAbility.NORMAL ? 65 : 35);
        m.seekingWork = able && !m.employed && random.nextInt(100) < 60;
        m.hasSkill = m.age >= 16 && random.nextInt(100) < 40;
    }
}
