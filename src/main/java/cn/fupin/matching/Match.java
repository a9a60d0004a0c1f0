package cn.fupin.matching;

import cn.fupin.policy.RuleMetadata;
import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A measure a rule found a household or member entitled to, with the rule and the reason. Other rules can
 * build on it (a 低保 household's disabled member gets the living subsidy); a measure that another excludes
 * is decided on grounds the excluding rules can see (特困 grounds exclude 低保, safety-net.drl).
 * The measure is the {@code @measure} metadata of the rule that decides it.
 */
public final class Match {

    private final String householdId;
    private final String memberId;
    private final Measure measure;
    private final String rule;
    private final String reason;
    /** Computed once: where a rule inserts logically, truth maintenance hashes the match, reason and all, per lookup. */
    private final int hash;

    private Match(String householdId, String memberId, Measure measure, String rule, String reason) {
        if ((measure.target() == Measure.Target.MEMBER) != (memberId != null)) {
            throw new IllegalStateException("rule '" + rule + "': " + measure + " targets the "
                    + measure.target().name().toLowerCase() + ", not "
                    + (memberId == null ? "the household" : "a member"));
        }
        this.householdId = householdId;
        this.memberId = memberId;
        this.measure = measure;
        this.rule = rule;
        this.reason = reason;
        this.hash = Objects.hash(householdId, memberId, measure, rule, reason);
    }

    /** A household measure decided by the firing rule. */
    public static Match household(RuleContext rule, String householdId, String reason) {
        return new Match(householdId, null, measureOf(rule), rule.getRule().getName(), reason);
    }

    /** A member measure decided by the firing rule. */
    public static Match member(RuleContext rule, String householdId, String memberId, String reason) {
        return new Match(householdId, memberId, measureOf(rule), rule.getRule().getName(), reason);
    }

    /**
     * A measure decided by the firing rule on a ground another rule established (one of several
     * alternative conditions, such as the two grounds for 低保): the ground's rule and reason are recorded.
     */
    public static Match onGround(
            RuleContext rule, String householdId, String memberId, String groundRule, String reason) {
        return new Match(householdId, memberId, measureOf(rule), groundRule, reason);
    }

    static Measure measureOf(RuleContext rule) {
        return Measure.valueOf((String) rule.getRule().getMetaData().get(RuleMetadata.MEASURE));
    }

    public String getHouseholdId() {
        return householdId;
    }

    public String getMemberId() {
        return memberId;
    }

    public Measure getMeasure() {
        return measure;
    }

    public String getRule() {
        return rule;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Match m
                && householdId.equals(m.householdId)
                && Objects.equals(memberId, m.memberId)
                && measure == m.measure
                && rule.equals(m.rule)
                && reason.equals(m.reason);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return measure + (memberId == null ? "" : "@" + memberId) + " by '" + rule + "'";
    }
}
