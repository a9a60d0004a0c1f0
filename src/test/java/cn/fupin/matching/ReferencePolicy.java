package cn.fupin.matching;

import cn.fupin.household.Cause;
import cn.fupin.household.Health;
import cn.fupin.household.Household;
import cn.fupin.household.HouseholdStatus;
import cn.fupin.household.HousingGrade;
import cn.fupin.household.LabourAbility;
import cn.fupin.household.Member;
import cn.fupin.household.Schooling;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The 24 measures written a second time, as plain Java straight from the policy's table, without the rule
 * engine: an independent reading to check the rules against on households nobody wrote by hand (and, later,
 * the floor the engine's speed is measured against). Answers are "MEASURE" or "MEASURE@memberId". It shares
 * nothing with the service but the household's types: its standards come from its own reading of the standards
 * file ({@link ReferenceStandards}) and ages from its own count ({@link #age}).
 */
public final class ReferencePolicy {

    private static final Set<Schooling> ENROLLED = EnumSet.of(
            Schooling.PRESCHOOL,
            Schooling.COMPULSORY,
            Schooling.HIGH_SCHOOL,
            Schooling.VOCATIONAL,
            Schooling.UNIVERSITY);

    private ReferencePolicy() {}

    public static Set<String> measures(Household h, ReferenceStandards.Values s, LocalDate asOf) {
        Set<String> out = new TreeSet<>();
        List<Member> members = h.members();
        List<Integer> ages = new ArrayList<>();
        for (Member m : members) {
            ages.add(age(m.birthDate(), asOf));
        }
        boolean anyLabourer = false;
        for (int i = 0; i < members.size(); i++) {
            anyLabourer |= labourer(members.get(i), ages.get(i), s);
        }
        boolean poor = h.status() == HouseholdStatus.POOR;

        // 16 特困 first: it excludes 15 低保, and 4 depends on both.
        boolean tekun = false;
        if (members.size() == 1) {
            Member m = members.get(0);
            if (m.labourAbility() == LabourAbility.NONE
                    && (ages.get(0) >= s.elderlyAge() || m.disabilityGrade() == 1 || m.disabilityGrade() == 2)) {
                out.add("SAFETY_NET_TEKUN@" + m.memberId());
                tekun = true;
            }
        }
        boolean dibao = !tekun && (h.incomePerCapita().compareTo(s.dibaoStandard()) < 0 || !anyLabourer);
        if (dibao) {
            out.add("SAFETY_NET_DIBAO");
        }

        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            int age = ages.get(i);
            String id = "@" + m.memberId();
            boolean enrolled = ENROLLED.contains(m.schooling());
            boolean disabled = m.disabilityGrade() >= 1 && m.disabilityGrade() <= 4;
            boolean severe = m.disabilityGrade() == 1 || m.disabilityGrade() == 2;
            boolean compulsoryAge = age >= s.compulsorySchoolAgeMin() && age <= s.compulsorySchoolAgeMax();
            boolean seeking = !m.employed() && m.seekingWork() && !enrolled;
            if (!m.medicalInsurance()) out.add("HEALTH_INSURANCE_SUBSIDY" + id);
            if (m.health() == Health.SERIOUS_ILLNESS) out.add("HEALTH_SERIOUS_ILLNESS_CARE" + id);
            if (m.health() != Health.HEALTHY || disabled || age >= s.familyDoctorAge())
                out.add("HEALTH_FAMILY_DOCTOR" + id);
            if (disabled && (poor || dibao || tekun)) out.add("HEALTH_DISABILITY_LIVING_SUBSIDY" + id);
            if (severe) out.add("HEALTH_SEVERE_DISABILITY_CARE_SUBSIDY" + id);
            if (compulsoryAge && !enrolled && !severe) out.add("EDUCATION_DROPOUT_RETURN" + id);
            if (compulsoryAge && !enrolled && severe) out.add("EDUCATION_HOME_TEACHING" + id);
            if (enrolled) out.add("EDUCATION_STUDENT_AID" + id);
            if (m.schooling() == Schooling.VOCATIONAL) out.add("EDUCATION_RAIN_DEW" + id);
            if (h.causes().contains(Cause.LACK_OF_SKILLS)
                    && labourer(m, age, s)
                    && age <= s.workingAgeMax()
                    && !m.hasSkill()
                    && !enrolled) out.add("TECH_SKILL_TRAINING" + id);
            boolean job = age >= s.workingAgeMin()
                    && age <= s.workingAgeMax()
                    && m.labourAbility() == LabourAbility.NORMAL
                    && seeking;
            if (job) out.add("EMPLOYMENT_JOB_PLACEMENT" + id);
            if (age >= s.workingAgeMin()
                    && age <= s.publicPostAgeMax()
                    && m.labourAbility() == LabourAbility.WEAK
                    && seeking) out.add("EMPLOYMENT_PUBLIC_WELFARE_POST" + id);
            if (job && !m.hasSkill()) out.add("EMPLOYMENT_SKILLS_TRAINING" + id);
        }

        if (h.housingGrade() == HousingGrade.C || h.housingGrade() == HousingGrade.D) out.add("HOUSING_RENOVATION");
        if (!h.safeDrinkingWater()) out.add("WATER_SAFETY");
        if (h.industryProjects() == 0 && anyLabourer) out.add("INDUSTRY_PROJECT");
        if (h.industryProjects() == 0 && !anyLabourer) out.add("INDUSTRY_ASSET_DIVIDEND");
        if (!h.linkedToEnterprise() && anyLabourer && h.status() != HouseholdStatus.LIFTED)
            out.add("INDUSTRY_COOPERATIVE_LINK");
        if (h.suddenHardship()) out.add("SAFETY_NET_TEMPORARY_ASSISTANCE");
        if (!h.roadAccess() || h.causes().contains(Cause.TRANSPORT)) out.add("TRANSPORT_ROAD_ACCESS");
        if (h.causes().contains(Cause.LACK_OF_MOTIVATION)) out.add("PARTY_PAIRING");
        if (h.status() == HouseholdStatus.LIFTED
                && (h.incomePerCapita().compareTo(s.monitoringLine()) < 0 || h.suddenHardship()))
            out.add("MONITORING_WATCH");
        return out;
    }

    /**
     * Whole years on {@code date}: the years since the birth year, less one before this year's birthday. One
     * born on 29 February has a birthday on 1 March in a year without one (the policy's reading of 周岁).
     */
    static int age(LocalDate birth, LocalDate date) {
        boolean leapBirthday = birth.getMonthValue() == 2 && birth.getDayOfMonth() == 29;
        LocalDate birthday = leapBirthday && !Year.isLeap(date.getYear())
                ? LocalDate.of(date.getYear(), 3, 1)
                : LocalDate.of(date.getYear(), birth.getMonthValue(), birth.getDayOfMonth());
        return date.getYear() - birth.getYear() - (date.isBefore(birthday) ? 1 : 0);
    }

    /** "Labourer": aged 16 or over, labour ability NORMAL or WEAK. */
    private static boolean labourer(Member m, int age, ReferenceStandards.Values s) {
        return age >= s.workingAgeMin()
                && (m.labourAbility() == LabourAbility.NORMAL || m.labourAbility() == LabourAbility.WEAK);
    }
}
