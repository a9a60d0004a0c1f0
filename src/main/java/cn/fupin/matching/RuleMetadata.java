package cn.fupin.matching;

/** The metadata every rule carries: either the measure it decides or the derived fact it defines. */
public final class RuleMetadata {

    /** {@code @measure("SAFETY_NET_DIBAO")}: the rule recommends this measure. */
    public static final String MEASURE = "measure";
    /** {@code @defines("Labourer")}: the rule derives a fact other rules use. */
    public static final String DEFINES = "defines";

    private RuleMetadata() {
    }
}
