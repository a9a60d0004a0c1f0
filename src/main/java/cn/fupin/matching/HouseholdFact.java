package cn.fupin.matching;

import cn.fupin.household.Cause;
import cn.fupin.household.Household;
import cn.fupin.household.HouseholdStatus;
import cn.fupin.household.HousingGrade;
import cn.fupin.policy.Standards;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * A household as the rules see it: its facts, its member count, and the standards in force for its region
 * on the evaluation date. Several households may share one session, so every fact carries the household id.
 */
public final class HouseholdFact {

    private final Household household;
    private final Set<Cause> causes;
    private final Standards standards;

    public HouseholdFact(Household household, Standards standards) {
        this.household = household;
        this.causes = household.causes().isEmpty() ? EnumSet.noneOf(Cause.class) : EnumSet.copyOf(household.causes());
        this.standards = standards;
    }

    public String getId() {
        return household.householdId();
    }

    public String getRegionCode() {
        return household.regionCode();
    }

    public HouseholdStatus getStatus() {
        return household.status();
    }

    public BigDecimal getIncomePerCapita() {
        return household.incomePerCapita();
    }

    public HousingGrade getHousingGrade() {
        return household.housingGrade();
    }

    public boolean isSafeDrinkingWater() {
        return household.safeDrinkingWater();
    }

    public boolean isRoadAccess() {
        return household.roadAccess();
    }

    public int getIndustryProjects() {
        return household.industryProjects();
    }

    public boolean isLinkedToEnterprise() {
        return household.linkedToEnterprise();
    }

    public Set<Cause> getCauses() {
        return causes;
    }

    public boolean isSuddenHardship() {
        return household.suddenHardship();
    }

    public int getMemberCount() {
        return household.members().size();
    }

    public Standards getStandards() {
        return standards;
    }

    @Override
    public String toString() {
        return "HouseholdFact[" + getId() + "]";
    }
}
