package cn.fupin.household;

public enum Sex { MALE, FEMALE }
