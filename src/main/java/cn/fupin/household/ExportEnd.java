package cn.fupin.household;

import cn.fupin.system.FieldError;
import cn.fupin.system.FieldErrors;
import tools.jackson.databind.JsonNode;

/**
 * The last line of an export, {@code {"exportEnd":true,"households":N}}: N households were written before it.
 * A stream cut off anywhere (a timeout, a dropped connection, a copy that stopped) lacks it or counts more
 * households than the file holds, so an import can tell a whole export from part of one. The generator ends
 * its files with one too.
 */
public final class ExportEnd {

    static final String FIELD = "exportEnd";

    private ExportEnd() {}

    /** The end line after {@code households} household lines, without its line break. */
    public static String line(long households) {
        return "{\"" + FIELD + "\":true,\"households\":" + households + "}";
    }

    /** Whether the line is meant as an end line (it has the field), well formed or not. */
    static boolean is(JsonNode node) {
        return node.isObject() && node.has(FIELD);
    }

    /** The households it counts, or -1 with an error for each bad field. */
    static long households(JsonNode node, FieldErrors errors) {
        if (!node.get(FIELD).isBoolean() || !node.get(FIELD).booleanValue()) {
            errors.add(new FieldError(FIELD, "must be true (the end line of an export)"));
        }
        JsonNode count = node.get("households");
        if (count == null || !count.isIntegralNumber() || !count.canConvertToLong() || count.longValue() < 0) {
            errors.add(new FieldError("households", "must be the number of households exported before this line"));
            return -1;
        }
        return errors.isEmpty() ? count.longValue() : -1;
    }
}
