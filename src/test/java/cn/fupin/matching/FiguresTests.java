package cn.fupin.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiguresTests {

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "7, 7",
        "999, 999",
        "1000, '1,000'",
        "3800, '3,800'",
        "3800.00, '3,800'",
        "3800.5, '3,800.50'",
        "4620.125, '4,620.12'",
        "4620.135, '4,620.14'",
        "1234567.891, '1,234,567.89'",
        "-4500, '-4,500'",
        "-999.5, '-999.50'",
        "0.004, '0.00'"
    })
    void writesYuanWithSeparatorsAndCentsOnlyWhenThereAreAny(String amount, String text) {
        assertThat(Figures.yuan(new BigDecimal(amount))).isEqualTo(text);
    }

    /** The hand-written form agrees with the DecimalFormat patterns it replaced, on any amount. */
    @Test
    void agreesWithDecimalFormat() {
        Random random = new Random(11);
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        for (int n = 0; n < 20_000; n++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextLong() % 100_000_000_000L, random.nextInt(4));
            boolean whole = amount.stripTrailingZeros().scale() <= 0;
            String expected = new DecimalFormat(whole ? "#,##0" : "#,##0.00", symbols).format(amount);
            assertThat(Figures.yuan(amount)).as(amount.toPlainString()).isEqualTo(expected);
        }
    }
}
