package cn.fupin.household;

/** 健康状况. */
public enum Health {
    HEALTHY("健康"),
    CHRONIC_ILLNESS("慢性病"),
    SERIOUS_ILLNESS("大病");

    private final String label;

    Health(String label) {
        this.label = label;
    }

    /** The Chinese word used in reasons and cards. */
    public String getLabel() {
        return label;
    }
}
