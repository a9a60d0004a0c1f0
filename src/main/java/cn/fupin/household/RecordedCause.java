package cn.fupin.household;

import org.springframework.data.relational.core.mapping.Table;

/** One cause of a household, kept in order: position 0 is the primary cause. */
@Table("household_cause")
record RecordedCause(Cause cause) {
}
