package cn.fupin.system.access;

/** A user's password, roles, region, or lock changed: remembered sign-ins of that user are forgotten. */
public record AccountChanged(String username) {}
