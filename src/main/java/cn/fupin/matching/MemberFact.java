package cn.fupin.matching;

import cn.fupin.household.Health;
import cn.fupin.household.LabourAbility;
import cn.fupin.household.Member;
import cn.fupin.household.Relation;
import cn.fupin.household.Schooling;
import cn.fupin.household.Sex;
import java.time.LocalDate;

/**
 * A member as the rules see it, with the age computed once at the evaluation date (never from the clock).
 * It carries no name and no ID number: the rules need neither.
 */
public final class MemberFact {

    private final String householdId;
    private final Member member;
    private final int age;

    public MemberFact(String householdId, Member member, LocalDate asOf) {
        this.householdId = householdId;
        this.member = member;
        this.age = member.ageOn(asOf);
    }

    public String getHouseholdId() {
        return householdId;
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
        return "MemberFact[" + householdId + "/" + getMemberId() + "]";
    }
}
