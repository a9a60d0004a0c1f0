package cn.fupin.household;

import cn.fupin.system.crypto.IdNumberCipher;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The household aggregate as stored: the household, its causes and members (and how many: reports count
 * people from it), and its version (bumped by every replacement; a replacement based on an older version is
 * refused).
 */
@Table("household")
record HouseholdRow(
        @Id String householdId,
        String regionCode,
        HouseholdStatus status,
        BigDecimal incomePerCapita,
        HousingGrade housingGrade,
        boolean safeDrinkingWater,
        boolean roadAccess,
        int industryProjects,
        boolean linkedToEnterprise,
        String causes,
        Cause primaryCause,
        boolean suddenHardship,
        int people,

        @MappedCollection(idColumn = "household_id", keyColumn = "position")
        List<MemberRow> members,

        @Version Long version,
        Instant updatedAt) {

    static HouseholdRow of(Household h, Long version, Instant updatedAt, IdNumberCipher cipher) {
        return new HouseholdRow(
                h.householdId(),
                h.regionCode(),
                h.status(),
                h.incomePerCapita(),
                h.housingGrade(),
                h.safeDrinkingWater(),
                h.roadAccess(),
                h.industryProjects(),
                h.linkedToEnterprise(),
                Causes.join(h.causes()),
                h.causes().isEmpty() ? null : h.causes().get(0),
                h.suddenHardship(),
                h.members().size(),
                h.members().stream()
                        .map(m -> MemberRow.of(m, h.householdId(), cipher))
                        .toList(),
                version,
                updatedAt);
    }

    Household toHousehold(IdNumberCipher cipher) {
        return new Household(
                householdId,
                regionCode,
                status,
                incomePerCapita,
                housingGrade,
                safeDrinkingWater,
                roadAccess,
                industryProjects,
                linkedToEnterprise,
                Causes.split(causes),
                suddenHardship,
                members.stream().map(m -> m.toMember(householdId, cipher)).toList());
    }

    @Override
    public String toString() {
        return "HouseholdRow[" + householdId + " v" + version + "]";
    }
}
