package cn.fupin.policy;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every standard in force for one household's region on the evaluation date: the fact through which the
 * rules read their numbers, so that no rule holds a number of its own.
 */
public final class Standards {

    private final Map<StandardName, StandardInForce> values;

    Standards(Map<StandardName, StandardInForce> values) {
        this.values = new EnumMap<>(values);
    }

    public List<StandardInForce> inForce() {
        return List.copyOf(values.values());
    }

    public StandardInForce get(StandardName name) {
        return values.get(name);
    }

    private BigDecimal amount(StandardName name) {
        return values.get(name).value();
    }

    private int age(StandardName name) {
        return values.get(name).value().intValueExact();
    }

    public BigDecimal getDibaoStandard() {
        return amount(StandardName.DIBAO_STANDARD);
    }

    public BigDecimal getPovertyLine() {
        return amount(StandardName.POVERTY_LINE);
    }

    public BigDecimal getMonitoringLine() {
        return amount(StandardName.MONITORING_LINE);
    }

    public int getWorkingAgeMin() {
        return age(StandardName.WORKING_AGE_MIN);
    }

    public int getWorkingAgeMax() {
        return age(StandardName.WORKING_AGE_MAX);
    }

    public int getPublicPostAgeMax() {
        return age(StandardName.PUBLIC_POST_AGE_MAX);
    }

    public int getCompulsorySchoolAgeMin() {
        return age(StandardName.COMPULSORY_SCHOOL_AGE_MIN);
    }

    public int getCompulsorySchoolAgeMax() {
        return age(StandardName.COMPULSORY_SCHOOL_AGE_MAX);
    }

    public int getElderlyAge() {
        return age(StandardName.ELDERLY_AGE);
    }

    public int getFamilyDoctorAge() {
        return age(StandardName.FAMILY_DOCTOR_AGE);
    }

    public int getCheckCompulsorySchoolAgeMin() {
        return age(StandardName.CHECK_COMPULSORY_SCHOOL_AGE_MIN);
    }

    public int getCheckCompulsorySchoolAgeMax() {
        return age(StandardName.CHECK_COMPULSORY_SCHOOL_AGE_MAX);
    }

    public int getCheckPreschoolAgeMax() {
        return age(StandardName.CHECK_PRESCHOOL_AGE_MAX);
    }

    public int getCheckUniversityAgeMin() {
        return age(StandardName.CHECK_UNIVERSITY_AGE_MIN);
    }

    public int getCheckNormalLabourAgeMax() {
        return age(StandardName.CHECK_NORMAL_LABOUR_AGE_MAX);
    }

    public BigDecimal getCheckPoorIncomeMultiple() {
        return amount(StandardName.CHECK_POOR_INCOME_MULTIPLE);
    }
}
