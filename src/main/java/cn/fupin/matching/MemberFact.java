package cn.fupin.matching;

import cn.fupin.household.Health;
import cn.fupin.household.LabourAbility;
import cn.fupin.household.Member;
import cn.fupin.household.Relation;
import cn.fupin.household.Schooling;
import cn.fupin.household.Sex;
import cn.fupin.policy.Standards;
import java.time.LocalDate;

/**
 * A member as the rules see it, with the age computed once at the evaluation date (never from the clock).
 * It carries no name and no ID number: the rules need neither. It carries its household, so that a rule
 * reads the standards in force for the member ({@code age >= standards.workingAgeMin}) without joining the
 * household's fact for them.
 */
public final class MemberFact {

    private final HouseholdFact household;
    private final Member member;
    private final int age;

    public MemberFact(HouseholdFact household, Member member, LocalDate asOf) {
        this.household = household;
        this.member = member;
        this.age = member.ageOn(asOf);
    }

    public String getHouseholdId() {
        return household.getId();
    }

    public HouseholdFact getHousehold() {
        return household;
    }

    /** The standards in force for the member's household on the evaluation date. */
    public Standards getStandards() {
        return household.getStandards();
    }

    public String getMemberId() {
        return member.memberId();
    }

    public int getAge() {
        return age;
    }

    public Relation getRelation() {
        return member.relation();
    }

    public Sex getSex() {
        return member.sex();
    }

    public Health getHealth() {
        return member.health();
    }

    public int getDisabilityGrade() {
        return member.disabilityGrade();
    }

    public LabourAbility getLabourAbility() {
        return member.labourAbility();
    }

    public boolean isEmployed() {
        return member.employed();
    }

    public boolean isSeekingWork() {
        return member.seekingWork();
    }

    public boolean isHasSkill() {
        return member.hasSkill();
    }

    public Schooling getSchooling() {
        return member.schooling();
    }

    public boolean isMedicalInsurance() {
        return member.medicalInsurance();
    }

    @Override
    public String toString() {
        return "MemberFact[" + getHouseholdId() + "/" + getMemberId() + "]";
    }
}
