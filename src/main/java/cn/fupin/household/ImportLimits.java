package cn.fupin.household;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The bounds of one import ({@code app.import.*}), so that one request cannot exhaust the heap: the import
 * streams and is exempt from the body limit, so these are what bound it.
 *
 * @param maxLineBytes      a longer line is rejected unread (a household of 50 members is a few KB)
 * @param maxLines          lines read in one request, blank ones too; the rest is left unread and the answer
 *                          says from which line
 * @param maxRejectedListed rejected lines listed in the answer, the first by line number; the rest are counted
 */
@ConfigurationProperties("app.import")
record ImportLimits(
        @DefaultValue("64KB") DataSize maxLineBytes,
        @DefaultValue("1000000") long maxLines,
        @DefaultValue("1000") int maxRejectedListed) {

    ImportLimits {
        if (maxLineBytes.toBytes() < 1 || maxLineBytes.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("app.import.max-line-bytes must be between 1 byte and 2 GB");
        }
        if (maxLines < 1 || maxRejectedListed < 0) {
            throw new IllegalArgumentException(
                    "app.import.max-lines must be at least 1, " + "app.import.max-rejected-listed at least 0");
        }
    }

    int lineBytes() {
        return (int) maxLineBytes.toBytes();
    }
}
