package cn.fupin.household;

/** 致贫原因. The first cause a household lists is its primary cause (主要致贫原因). */
public enum Cause {
    ILLNESS("因病"),
    DISABILITY("因残"),
    EDUCATION("因学"),
    LACK_OF_LABOUR("缺劳力"),
    DISASTER("因灾"),
    LACK_OF_FUNDS("缺资金"),
    OTHER("其他"),
    LACK_OF_SKILLS("缺技术"),
    LACK_OF_MOTIVATION("自身发展动力不足"),
    TRANSPORT("交通条件落后");

    private final String label;

    Cause(String label) {
        this.label = label;
    }

    /** The Chinese word used in cards and reports. */
    public String getLabel() {
        return label;
    }
}
