package cn.fupin.matching;

import static cn.fupin.matching.Action.*;
import static cn.fupin.matching.Measure.Target.HOUSEHOLD;
import static cn.fupin.matching.Measure.Target.MEMBER;

/**
 * The catalogue of assistance measures (帮扶措施): what a rule may recommend. When a measure applies is
 * for the rules to say; this is only what each measure is, in the plan's order, which is also the order
 * recommendations are listed in within an action.
 */
public enum Measure {
    HEALTH_INSURANCE_SUBSIDY(HEALTH, "医保参保资助", MEMBER),
    HEALTH_SERIOUS_ILLNESS_CARE(HEALTH, "大病专项救治", MEMBER),
    HEALTH_FAMILY_DOCTOR(HEALTH, "家庭医生签约服务", MEMBER),
    HEALTH_DISABILITY_LIVING_SUBSIDY(HEALTH, "困难残疾人生活补贴", MEMBER),
    HEALTH_SEVERE_DISABILITY_CARE_SUBSIDY(HEALTH, "重度残疾人护理补贴", MEMBER),
    EDUCATION_DROPOUT_RETURN(EDUCATION, "控辍保学劝返", MEMBER),
    EDUCATION_HOME_TEACHING(EDUCATION, "送教上门", MEMBER),
    EDUCATION_STUDENT_AID(EDUCATION, "建档立卡学生资助", MEMBER),
    EDUCATION_RAIN_DEW(EDUCATION, "雨露计划职业教育补助", MEMBER),
    HOUSING_RENOVATION(HOUSING, "危房改造", HOUSEHOLD),
    WATER_SAFETY(WATER, "饮水安全保障", HOUSEHOLD),
    INDUSTRY_PROJECT(INDUSTRY, "到户产业扶持项目", HOUSEHOLD),
    INDUSTRY_ASSET_DIVIDEND(INDUSTRY, "资产收益分红", HOUSEHOLD),
    INDUSTRY_COOPERATIVE_LINK(INDUSTRY, "合作社/龙头企业带动", HOUSEHOLD),
    SAFETY_NET_DIBAO(SAFETY_NET, "农村最低生活保障", HOUSEHOLD),
    SAFETY_NET_TEKUN(SAFETY_NET, "特困人员救助供养", MEMBER),
    SAFETY_NET_TEMPORARY_ASSISTANCE(SAFETY_NET, "临时救助", HOUSEHOLD),
    TRANSPORT_ROAD_ACCESS(TRANSPORT, "通组硬化路", HOUSEHOLD),
    TECH_SKILL_TRAINING(TECH, "实用技术培训", MEMBER),
    PARTY_PAIRING(PARTY, "党员干部结对帮扶", HOUSEHOLD),
    EMPLOYMENT_JOB_PLACEMENT(EMPLOYMENT, "就业岗位推荐", MEMBER),
    EMPLOYMENT_PUBLIC_WELFARE_POST(EMPLOYMENT, "扶贫公益岗位", MEMBER),
    EMPLOYMENT_SKILLS_TRAINING(EMPLOYMENT, "职业技能培训", MEMBER),
    MONITORING_WATCH(MONITORING, "纳入防返贫动态监测", HOUSEHOLD);

    /** Whether a measure goes to the household as a whole or to one member. */
    public enum Target {
        HOUSEHOLD,
        MEMBER
    }

    private final Action action;
    private final String title;
    private final Target target;

    Measure(Action action, String title, Target target) {
        this.action = action;
        this.title = title;
        this.target = target;
    }

    public Action action() {
        return action;
    }

    /** The Chinese name of the measure (措施名称). */
    public String title() {
        return title;
    }

    public Target target() {
        return target;
    }

    /** For the rules' reasons, e.g. "享受农村最低生活保障". */
    public String getTitle() {
        return title;
    }
}
