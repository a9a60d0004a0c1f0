package cn.fupin.household;

/** 在校情况. Which of these count as enrolled is a policy definition and lives in the rules. */
public enum Schooling {
    NONE("未入学"),
    PRESCHOOL("学前教育"),
    COMPULSORY("义务教育"),
    HIGH_SCHOOL("普通高中"),
    VOCATIONAL("中等职业教育"),
    UNIVERSITY("高等教育"),
    DROPPED_OUT("辍学");

    private final String label;

    Schooling(String label) {
        this.label = label;
    }

    /** The Chinese word used in reasons and cards. */
    public String getLabel() {
        return label;
    }
}
