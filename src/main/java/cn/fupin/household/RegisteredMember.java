package cn.fupin.household;

import java.time.LocalDate;

import org.springframework.data.relational.core.mapping.Table;

/** A member as stored, in the household's order. */
@Table("household_member")
record RegisteredMember(String memberId, String idNumber, String name, Relation relation, Sex sex,
                        LocalDate birthDate, Health health, int disabilityGrade, LabourAbility labourAbility,
                        boolean employed, boolean seekingWork, boolean hasSkill, Schooling schooling,
                        boolean medicalInsurance) {

    static RegisteredMember of(Member m) {
        return new RegisteredMember(m.memberId(), m.idNumber(), m.name(), m.relation(), m.sex(), m.birthDate(),
                m.health(), m.disabilityGrade(), m.labourAbility(), m.employed(), m.seekingWork(), m.hasSkill(),
                m.schooling(), m.medicalInsurance());
    }

    Member toMember() {
        return new Member(memberId, idNumber, name, relation, sex, birthDate, health, disabilityGrade, labourAbility,
                employed, seekingWork, hasSkill, schooling, medicalInsurance);
    }

    @Override
    public String toString() {
        return "RegisteredMember[" + memberId + "]";
    }
}
