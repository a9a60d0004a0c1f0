package cn.fupin.household.synthetic;

import cn.fupin.household.Health;
import cn.fupin.household.LabourAbility;
import cn.fupin.household.Relation;
import cn.fupin.household.Schooling;
import cn.fupin.household.Sex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The people of a generated household: a head, a spouse, children, and in large households a parent. */
final class Members {

    /** A member before it is written; traits are filled in by {@link Traits}. */
    static final class Draft {
        int age;
        Sex sex;
        Relation relation;
        Schooling schooling;
        Health health = Health.HEALTHY;
        int disabilityGrade;
        LabourAbility labour = LabourAbility.NONE;
        boolean employed;
        boolean seekingWork;
        boolean hasSkill;
        boolean insured = true;

        boolean illOrDisabled() {
            return health != Health.HEALTHY || disabilityGrade > 0;
        }
    }

    private Members() {}

    static List<Draft> family(int size, Random random) {
        List<Draft> members = new ArrayList<>();
        Draft head =
                member(25 + random.nextInt(50), random.nextInt(10) < 8 ? Sex.MALE : Sex.FEMALE, Relation.HEAD, random);
        members.add(head);
        if (size >= 2) {
            int age = Math.max(18, head.age - 5 + random.nextInt(11));
            members.add(member(age, head.sex == Sex.MALE ? Sex.FEMALE : Sex.MALE, Relation.SPOUSE, random));
        }
        int children = size - members.size() - (size >= 5 ? 1 : 0);
        for (int i = 0; i < children; i++) {
            int age = random.nextInt(Math.max(1, head.age - 19));
            members.add(member(age, random.nextBoolean() ? Sex.MALE : Sex.FEMALE, Relation.CHILD, random));
        }
        if (size >= 5) {
            int age = Math.min(95, head.age + 20 + random.nextInt(15));
            members.add(member(age, random.nextBoolean() ? Sex.MALE : Sex.FEMALE, Relation.PARENT, random));
        }
        return members;
    }

    private static Draft member(int age, Sex sex, Relation relation, Random random) {
        Draft m = new Draft();
        m.age = age;
        m.sex = sex;
        m.relation = relation;
        m.schooling = schooling(age, random);
        return m;
    }

    /** Schooling that fits the age: preschool 3–5, compulsory 6–15 (a few drop out), then some further study. */
    private static Schooling schooling(int age, Random random) {
        if (age < 3) {
            return Schooling.NONE;
        }
        if (age <= 5) {
            return random.nextInt(10) < 7 ? Schooling.PRESCHOOL : Schooling.NONE;
        }
        if (age <= 15) {
            return random.nextInt(100) < 2 ? Schooling.DROPPED_OUT : Schooling.COMPULSORY;
        }
        if (age <= 18) {
            int draw = random.nextInt(10);
            return draw < 5 ? Schooling.HIGH_SCHOOL : draw < 7 ? Schooling.VOCATIONAL : Schooling.NONE;
        }
        if (age <= 22) {
            return random.nextInt(10) < 3 ? Schooling.UNIVERSITY : Schooling.NONE;
        }
        return Schooling.NONE;
    }
}
