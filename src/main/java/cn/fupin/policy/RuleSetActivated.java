package cn.fupin.policy;

/**
 * A rule set became the active one on this instance. {@code followed} is true when this instance activated it
 * because another instance announced it, so that the announcement is not sent around again.
 */
public record RuleSetActivated(String version, String previousVersion, String user, boolean followed) {}
