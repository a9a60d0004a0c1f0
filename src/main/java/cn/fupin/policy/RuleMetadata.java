package cn.fupin.policy;

/**
 * The metadata every rule carries: the measure it decides, the derived fact it defines, or (a quality rule)
 * the finding it reports with its severity.
 */
public final class RuleMetadata {

    /** {@code @measure("SAFETY_NET_DIBAO")}: the rule recommends this measure. */
    public static final String MEASURE = "measure";
    /** {@code @defines("Labourer")}: the rule derives a fact other rules use. */
    public static final String DEFINES = "defines";
    /** {@code @finding("EXIT_NOT_ACCURATE")}: the rule reports a suspicious record under this code. */
    public static final String FINDING = "finding";
    /** {@code @severity("ERROR")} or {@code @severity("WARNING")}, beside {@code @finding}. */
    public static final String SEVERITY = "severity";

    private RuleMetadata() {}
}
