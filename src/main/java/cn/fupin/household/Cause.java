package cn.fupin.household;

/** 致贫原因. The first cause a household lists is its primary cause (主要致贫原因). */
public enum Cause {
    ILLNESS,
    DISABILITY,
    EDUCATION,
    LACK_OF_LABOUR,
    DISASTER,
    LACK_OF_FUNDS,
    OTHER,
    LACK_OF_SKILLS,
    LACK_OF_MOTIVATION,
    TRANSPORT
}
