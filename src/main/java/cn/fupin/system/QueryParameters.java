package cn.fupin.system;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Query parameters several endpoints share, read with an error added for each bad one. */
public final class QueryParameters {

    private QueryParameters() {}

    /** A region code prefix of up to 6 digits ("" for the whole province), or "" with an error. */
    public static String regionPrefix(String text, FieldErrors errors) {
        String prefix = text == null ? "" : text.strip();
        if (!prefix.matches("\\d{0,6}")) {
            errors.add(new FieldError("regionCode", "must be a prefix of a region code: up to 6 digits"));
            return "";
        }
        return prefix;
    }

    /** One of an enum's codes, {@code fallback} when absent or blank, or the fallback with an error. */
    public static <E extends Enum<E>> E code(String name, String text, Class<E> type, E fallback, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(
                    name,
                    "must be one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", "))));
            return fallback;
        }
    }

    /** A whole number from min to max, {@code fallback} when absent or blank, or the fallback with an error. */
    public static int number(String name, String text, int fallback, int min, int max, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    /** A page of a list: its number from 0 and its size (20 unless asked), as asked for. */
    public record Paging(int page, int size) {}

    /** The {@code page} and {@code size} parameters of a list whose pages hold at most {@code maxSize}. */
    public static Paging paging(String page, String size, int maxSize, FieldErrors errors) {
        return new Paging(
                number("page", page, 0, 0, Integer.MAX_VALUE / maxSize, errors),
                number("size", size, 20, 1, maxSize, errors));
    }

    /** How many digits of the region code a report groups by: 2 (province), 4 (city) or 6 (county, the default). */
    public static int regionDigits(String text, FieldErrors errors) {
        int digits = number("regionDigits", text, 6, 2, 6, errors);
        if (digits % 2 != 0) {
            errors.add(new FieldError("regionDigits", "must be 2 (province), 4 (city) or 6 (county)"));
        }
        return digits;
    }

    /** A report's region (a prefix, "" for the province) and the digits its regions are cut to. */
    public record RegionGrouping(String prefix, int digits) {}

    /** @throws InvalidInputException naming each bad parameter */
    public static RegionGrouping regionGrouping(String regionCode, String regionDigits) {
        FieldErrors errors = new FieldErrors();
        String prefix = regionPrefix(regionCode, errors);
        int digits = regionDigits(regionDigits, errors);
        errors.throwIfAny();
        return new RegionGrouping(prefix, digits);
    }

    /** How many pages of {@code size} hold {@code total} items. */
    public static int pageCount(long total, int size) {
        return (int) ((total + size - 1) / size);
    }
}
