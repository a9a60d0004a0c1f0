package cn.fupin.household;

/** 房屋安全等级: C and D are unsafe (危房). */
public enum HousingGrade {
    A("A级"),
    B("B级"),
    C("C级（危房）"),
    D("D级（危房）");

    private final String label;

    HousingGrade(String label) {
        this.label = label;
    }

    /** The Chinese word used in cards and reports. */
    public String getLabel() {
        return label;
    }
}
