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

    @Override
    public String toString() {
        return "Household[" + householdId + "]";
    }
}
