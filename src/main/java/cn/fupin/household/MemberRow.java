package cn.fupin.household;

import cn.fupin.system.crypto.IdNumberCipher;
import java.time.LocalDate;
import org.springframework.data.relational.core.mapping.Table;

/** A member as stored, in the household's order; the ID number encrypted, with its lookup hash. */
@Table("household_member")
record MemberRow(
        String memberId,
        String idNumberCipher,
        String idNumberHmac,
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

    static MemberRow of(Member m, String householdId, IdNumberCipher cipher) {
        return new MemberRow(
                m.memberId(),
                cipher.encrypt(m.idNumber(), householdId, m.memberId()),
                cipher.lookupHash(m.idNumber()),
                m.name(),
                m.relation(),
                m.sex(),
                m.birthDate(),
                m.health(),
                m.disabilityGrade(),
                m.labourAbility(),
                m.employed(),
                m.seekingWork(),
                m.hasSkill(),
                m.schooling(),
                m.medicalInsurance());
    }

    Member toMember(String householdId, IdNumberCipher cipher) {
        return new Member(
                memberId,
                cipher.decrypt(idNumberCipher, householdId, memberId),
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

    @Override
    public String toString() {
        return "MemberRow[" + memberId + "]";
    }
}
