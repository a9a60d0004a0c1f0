package cn.fupin.report;

import java.time.LocalDate;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The coverage report's operational bounds ({@code app.coverage.*}).
 *
 * @param overdueAfter how far back a household's latest evaluation may be dated before it is a blind spot: every
 *                     household is screened again every month (一月一排查), and 31 days, the longest month, lets a
 *                     screening on the same day of every month never be late
 */
@ConfigurationProperties("app.coverage")
record CoverageSettings(@DefaultValue("31d") Period overdueAfter) {

    CoverageSettings {
        if (overdueAfter.isNegative() || overdueAfter.isZero()) {
            throw new IllegalArgumentException(
                    "app.coverage.overdue-after must be a positive period, such as 31d or 1m");
        }
    }

    /** An evaluation dated before this day is overdue. */
    LocalDate overdueBefore(LocalDate today) {
        return today.minus(overdueAfter);
    }
}
