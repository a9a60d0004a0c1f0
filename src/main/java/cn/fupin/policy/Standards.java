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

    private BigDecimal money(StandardName name) {
        return values.get(name).value();
    }

    private int age(StandardName name) {
        return values.get(name).value().intValueExact();
    }

    public BigDecimal getDibaoStandard() {
        return money(StandardName.DIBAO_STANDARD);
    }

    public BigDecimal getPovertyLine() {
        return money(StandardName.POVERTY_LINE);
    }

    public BigDecimal getMonitoringLine() {
        return money(StandardName.MONITORING_LINE);
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
}
