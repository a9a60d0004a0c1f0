package cn.fupin.system;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A date query parameter such as {@code asOf}: ISO-8601, today in Asia/Shanghai when absent (not when empty). */
public final class DateParameter {

    private DateParameter() {}

    /** The date, or null with an error added when the text is not a date. */
    public static LocalDate parse(String name, String text, Clock clock, FieldErrors errors) {
        if (text == null) {
            return LocalDate.now(clock);
        }
        try {
            // Four-digit years only: ISO-8601 would also take "+12020-06-30".
            if (!text.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not yyyy-MM-dd", text, 0);
            }
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date as yyyy-MM-dd"));
            return null;
        }
    }
}
