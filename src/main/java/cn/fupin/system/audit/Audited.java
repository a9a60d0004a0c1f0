package cn.fupin.system.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that reads personal data or writes anything: every call of it leaves a row in the audit
 * trail with this action, the household (the {@code householdId} path variable, or the households the handler
 * reported through {@link AuditTrail#read}), and the outcome. A write records its own row inside its
 * transaction; a call that failed is recorded with its status.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

    /** What was done, in capitals: HOUSEHOLD_READ, HOUSEHOLD_WRITE, … */
    String value();
}
