package cn.fupin.household;

/** 房屋安全等级: C and D are unsafe (危房). */
public enum HousingGrade { A, B, C, D }
