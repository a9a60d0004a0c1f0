package cn.fupin.household;

import java.time.LocalDate;

/** A member of a registered household, as a case worker records it. */
public record Member(
        String memberId,
        String idNumber,
        String name,
        Relation relation,
        Sex sex,
        LocalDate birthDate,
        Health health,
        int disabilityGrade,
        LabourAbility labourAbility,
        boolean employed,
        boolean seekingWork,
        boolean hasSkill,
        Schooling schooling,
        boolean medicalInsurance) {

    /** Whole years at {@code date}; a year older on the birthday, and on 1 March for 29 February births. */
    public int ageOn(LocalDate date) {
        int age = date.getYear() - birthDate.getYear();
        boolean birthdayNotYetReached = date.getMonthValue() < birthDate.getMonthValue()
                || (date.getMonthValue() == birthDate.getMonthValue()
                        && date.getDayOfMonth() < birthDate.getDayOfMonth());
        return birthdayNotYetReached ? age - 1 : age;
    }

    /** The same member with another ID number: its masked form, for one. */
    public Member withIdNumber(String shown) {
        return new Member(
                memberId,
                shown,
                name,
                relation,
                sex,
                birthDate,
                health,
                disabilityGrade,
                labourAbility,
                employed,
                seekingWork,
                hasSkill,
                schooling,
                medicalInsurance);
    }

    /** The ID number is personal data: never let it reach a log line through toString. */
    @Override
    public String toString() {
        return "Member[" + memberId + "]";
    }
}
