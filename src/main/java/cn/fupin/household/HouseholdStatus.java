package cn.fupin.household;

/** 建档立卡户的状态. */
public enum HouseholdStatus {
    POOR("未脱贫户"),
    LIFTED("已脱贫户"),
    MONITORED("监测户");

    private final String label;

    HouseholdStatus(String label) {
        this.label = label;
    }

    /** The Chinese word used in reasons and cards. */
    public String getLabel() {
        return label;
    }
}
