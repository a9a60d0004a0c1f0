package cn.fupin.household;

/** 性别. */
public enum Sex {
    MALE("男"),
    FEMALE("女");

    private final String label;

    Sex(String label) {
        this.label = label;
    }

    /** The Chinese word used in cards and reports. */
    public String getLabel() {
        return label;
    }
}
