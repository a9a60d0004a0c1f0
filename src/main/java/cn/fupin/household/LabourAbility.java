package cn.fupin.household;

/** 劳动能力: 普通劳动力, 弱劳动力, 无劳动能力. */
public enum LabourAbility {
    NORMAL("普通劳动力"),
    WEAK("弱劳动力"),
    NONE("无劳动能力");

    private final String label;

    LabourAbility(String label) {
        this.label = label;
    }

    /** The Chinese word used in reasons and cards. */
    public String getLabel() {
        return label;
    }
}
