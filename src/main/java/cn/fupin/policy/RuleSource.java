package cn.fupin.policy;

/** One file of a rule set: its path relative to the rules folder (with '/') and its text. */
public record RuleSource(String path, String content) {}
