package cn.fupin.quality;

import cn.fupin.policy.RuleMetadata;
import java.util.Comparator;
import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A suspicious record found by a quality rule ({@code rules/quality/}): the household, the member (null for
 * the household as a whole), the finding's code and severity (the rule's {@code @finding} and
 * {@code @severity}), the rule, and a sentence with the figures. Rules insert findings logically, so a
 * finding lasts exactly as long as its condition.
 */
public final class Finding {

    /** Errors first, then by code, the household's own findings before its members'. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::getSeverity)
            .thenComparing(Finding::getCode)
            .thenComparing(Finding::getMemberId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::getRule);

    private final String householdId;
    private final String memberId;
    private final String code;
    private final Severity severity;
    private final String rule;
    private final String message;

    public Finding(String householdId, String memberId, String code, Severity severity, String rule, String message) {
        this.householdId = householdId;
        this.memberId = memberId;
        this.code = code;
        this.severity = severity;
        this.rule = rule;
        this.message = message;
    }

    /** A finding on the household as a whole, by the firing rule. */
    public static Finding household(RuleContext rule, String householdId, String message) {
        return of(rule, householdId, null, message);
    }

    /** A finding on one member, by the firing rule. */
    public static Finding member(RuleContext rule, String householdId, String memberId, String message) {
        return of(rule, householdId, memberId, message);
    }

    private static Finding of(RuleContext rule, String householdId, String memberId, String message) {
        var metadata = rule.getRule().getMetaData();
        return new Finding(
                householdId,
                memberId,
                (String) metadata.get(RuleMetadata.FINDING),
                Severity.valueOf((String) metadata.get(RuleMetadata.SEVERITY)),
                rule.getRule().getName(),
                message);
    }

    public String getHouseholdId() {
        return householdId;
    }

    public String getMemberId() {
        return memberId;
    }

    public String getCode() {
        return code;
    }

    public Severity getSeverity() {
        return severity;
    }

    public String getRule() {
        return rule;
    }

    public String getMessage() {
        return message;
    }

    /** {@code CODE} for the household, {@code CODE@memberId} for a member: how scenarios name a finding. */
    public String key() {
        return memberId == null ? code : code + "@" + memberId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Finding f
                && householdId.equals(f.householdId)
                && Objects.equals(memberId, f.memberId)
                && code.equals(f.code)
                && rule.equals(f.rule)
                && message.equals(f.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(householdId, memberId, code, rule, message);
    }

    @Override
    public String toString() {
        return key() + " by '" + rule + "'";
    }
}
