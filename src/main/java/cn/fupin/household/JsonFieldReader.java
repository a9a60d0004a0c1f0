package cn.fupin.household;

import cn.fupin.system.FieldError;
import cn.fupin.system.FieldErrors;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Reads typed values out of a JSON object, recording a {@link FieldError} for each one that is missing or
 * of the wrong shape instead of stopping at the first, so that a client learns every bad field at once.
 * A reader returns null for a bad field; the caller skips checks that depend on it.
 */
final class JsonFieldReader {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_-]+");

    private final JsonNode object;
    private final String prefix;
    private final FieldErrors errors;

    JsonFieldReader(JsonNode object, String prefix, FieldErrors errors) {
        this.object = object;
        this.prefix = prefix;
        this.errors = errors;
    }

    String path(String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    void reject(String field, String message) {
        errors.add(new FieldError(path(field), message));
    }

    /** Whether the field is given (and not JSON null). */
    boolean has(String field) {
        JsonNode node = object.get(field);
        return node != null && !node.isNull();
    }

    /** The node of a required field, or null (and an error) when it is absent or JSON null. */
    JsonNode required(String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            reject(field, "is required");
            return null;
        }
        return node;
    }

    String text(String field, int maxLength) {
        JsonNode node = required(field);
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            reject(field, "must be a string");
            return null;
        }
        String value = node.stringValue().strip();
        if (value.isEmpty()) {
            reject(field, "must not be blank");
            return null;
        }
        if (value.length() > maxLength) {
            reject(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return value;
    }

    /**
     * An identifier: letters, digits, '-' and '_' only, so that it is safe in paths and logs. Taken as written:
     * ids are case-sensitive (m1 and M1 are two ids), as the schema compares them (V18).
     */
    String identifier(String field, int maxLength) {
        String value = text(field, maxLength);
        if (value != null && !isIdentifier(value, maxLength)) {
            reject(field, "may contain only letters, digits, '-' and '_'");
            return null;
        }
        return value;
    }

    /** Whether {@link #identifier} would accept the value, taken as it is (that one strips it first). */
    static boolean isIdentifier(String value, int maxLength) {
        return value.length() <= maxLength && IDENTIFIER.matcher(value).matches();
    }

    Boolean bool(String field) {
        JsonNode node = required(field);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            reject(field, "must be true or false");
            return null;
        }
        return node.booleanValue();
    }

    Integer integer(String field, int min, int max) {
        JsonNode node = required(field);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            reject(field, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return node.intValue();
    }

    BigDecimal amount(String field, BigDecimal max) {
        JsonNode node = required(field);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            reject(field, "must be a number");
            return null;
        }
        BigDecimal value = node.decimalValue();
        if (value.signum() < 0) {
            reject(field, "must not be negative");
            return null;
        }
        if (value.compareTo(max) > 0) {
            reject(field, "must be at most " + max.toPlainString());
            return null;
        }
        if (value.stripTrailingZeros().scale() > 2) {
            reject(field, "must have at most 2 decimal places");
            return null;
        }
        return value;
    }

    LocalDate date(String field) {
        JsonNode node = required(field);
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            reject(field, "must be a date as yyyy-MM-dd");
            return null;
        }
        try {
            return LocalDate.parse(node.stringValue());
        } catch (DateTimeParseException e) {
            reject(field, "must be a date as yyyy-MM-dd");
            return null;
        }
    }

    <E extends Enum<E>> E code(String field, Class<E> type) {
        JsonNode node = required(field);
        return node == null ? null : codeOf(node, field, type);
    }

    <E extends Enum<E>> E codeOf(JsonNode node, String field, Class<E> type) {
        if (node.isString()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(node.stringValue())) {
                    return constant;
                }
            }
        }
        reject(
                field,
                "must be one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        return null;
    }
}
