package cn.fupin.household;

import cn.fupin.system.FieldError;
import cn.fupin.system.InvalidInputException;
import java.util.List;

/** A household's version as an HTTP entity tag: {@code "3"}; If-Match may also send it weak or bare. */
final class ETags {

    private ETags() {}

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match names, or null when there is none. */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    List.of(new FieldError("If-Match", "must be the household's ETag, e.g. \"3\"")));
        }
    }
}
