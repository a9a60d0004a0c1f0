package cn.fupin.matching;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How figures are written in reasons: yuan with thousands separators, fractions only when there are any. */
public final class Figures {

    private Figures() {}

    /** 3800 → "3,800"; 3800.5 → "3,800.50". */
    public static String yuan(BigDecimal amount) {
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        DecimalFormat format =
                new DecimalFormat(whole ? "#,##0" : "#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(amount);
    }
}
