package cn.fupin.policy;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The value of a standard in force on a date for a region: where it came from ({@code region} is the
 * overriding region prefix, or null for the default series), since when it applies, and the document that
 * set it ({@code reference}, null for a value only proposed in a dry run).
 */
public record StandardInForce(StandardName name, BigDecimal value, LocalDate since, String region, String reference) {}
