package cn.fupin.matching;

/** The ten special actions (十大专项行动) and return-to-poverty monitoring, in the plan's order. */
public enum Action {
    HEALTH("健康扶贫"),
    EDUCATION("教育扶贫"),
    HOUSING("住房安全"),
    WATER("饮水安全"),
    INDUSTRY("产业扶贫"),
    SAFETY_NET("兜底保障"),
    TRANSPORT("交通扶贫"),
    TECH("科技扶贫"),
    PARTY("党建扶贫"),
    EMPLOYMENT("就业扶贫"),
    MONITORING("防返贫监测");

    private final String title;

    Action(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
