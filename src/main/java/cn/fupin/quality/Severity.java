package cn.fupin.quality;

/** How sure a quality check is that a record is wrong. */
public enum Severity {
    /** The record cannot be right (two heads, a LIFTED household below the poverty line). */
    ERROR,
    /** The record is unlikely and needs a look (a POOR household earning twice the monitoring line). */
    WARNING
}
