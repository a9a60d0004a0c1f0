package cn.fupin.household;

import java.math.BigDecimal;
import java.util.List;

/** A registered household (建档立卡户) with its members: one aggregate. */
public record Household(
        String householdId,
        String regionCode,
        HouseholdStatus status,
        BigDecimal incomePerCapita,
        HousingGrade housingGrade,
        boolean safeDrinkingWater,
        boolean roadAccess,
        int industryProjects,
        boolean linkedToEnterprise,
        List<Cause> causes,
        boolean suddenHardship,
        List<Member> members) {

    public Household {
        causes = List.copyOf(causes);
        members = List.copyOf(members);
    }

    /** The same household with other members (a household's fields are otherwise copied one by one). */
    public Household withMembers(List<Member> others) {
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
                causes,
                suddenHardship,
                others);
    }

    @Override
    public String toString() {
        return "Household[" + householdId + "]";
    }
}
