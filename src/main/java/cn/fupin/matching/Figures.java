package cn.fupin.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How figures are written in reasons: yuan with thousands separators, fractions only when there are any. */
public final class Figures {

    private Figures() {}

    /**
     * 3800 → "3,800"; 3800.5 → "3,800.50"; cents rounded half to even. Written by hand rather than through
     * {@code DecimalFormat}, which is not thread-safe and cost a new instance, its pattern parsed, per call
     * in a rule's consequence (src/bench/profiles.md, 2026-12-03).
     */
    public static String yuan(BigDecimal amount) {
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        String plain = amount.setScale(whole ? 0 : 2, RoundingMode.HALF_EVEN).toPlainString();
        int sign = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        int end = point < 0 ? plain.length() : point;
        StringBuilder text = new StringBuilder(plain.length() + 4).append(plain, 0, sign);
        for (int i = sign; i < end; i++) {
            if (i > sign && (end - i) % 3 == 0) {
                text.append(',');
            }
            text.append(plain.charAt(i));
        }
        return text.append(plain, end, plain.length()).toString();
    }
}
