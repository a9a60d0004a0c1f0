package cn.fupin.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The standards (参数) the rules may read, under the names policy staff use in {@code standards.yaml}.
 * A money standard is in yuan per person per year; an age standard is in whole years.
 */
public enum StandardName {
    DIBAO_STANDARD(Kind.MONEY),
    POVERTY_LINE(Kind.MONEY),
    MONITORING_LINE(Kind.MONEY),
    WORKING_AGE_MIN(Kind.AGE),
    WORKING_AGE_MAX(Kind.AGE),
    PUBLIC_POST_AGE_MAX(Kind.AGE),
    COMPULSORY_SCHOOL_AGE_MIN(Kind.AGE),
    COMPULSORY_SCHOOL_AGE_MAX(Kind.AGE),
    ELDERLY_AGE(Kind.AGE),
    FAMILY_DOCTOR_AGE(Kind.AGE),
    // The bounds of the registry's quality checks (rules/quality): outside them a record needs a look.
    CHECK_COMPULSORY_SCHOOL_AGE_MIN(Kind.AGE),
    CHECK_COMPULSORY_SCHOOL_AGE_MAX(Kind.AGE),
    CHECK_PRESCHOOL_AGE_MAX(Kind.AGE),
    CHECK_UNIVERSITY_AGE_MIN(Kind.AGE),
    CHECK_NORMAL_LABOUR_AGE_MAX(Kind.AGE),
    CHECK_POOR_INCOME_MULTIPLE(Kind.MULTIPLE);

    /** Yuan per person per year; whole years; a factor (a plain number, such as 2 for "twice"). */
    public enum Kind {
        MONEY,
        AGE,
        MULTIPLE
    }

    private final Kind kind;

    StandardName(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The name as written in the standards file, e.g. {@code dibao_standard}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StandardName> ofKey(String key) {
        return Arrays.stream(values()).filter(n -> n.key().equals(key)).findFirst();
    }
}
