package cn.fupin.household;

/**
 * Whether an import read a whole export: every household line is followed by an {@link ExportEnd} counting
 * exactly the household lines since the one before (several exports one after another are each checked),
 * and nothing was left unread. A file without an end line (written by hand, or an export cut off before its
 * end) is imported all the same but is not known to be complete. The first problem found is the reason.
 */
final class ImportCompleteness {

    private long sinceEnd;
    private long lastEndLine;
    private String reason;

    /** A household line was read (stored or rejected: it is part of the file either way). */
    void household() {
        sinceEnd++;
    }

    /** An end line at this line number counting these households (-1 when it could not be read). */
    void end(long line, long households) {
        if (households < 0) {
            firstReason("the end line (line " + line + ") cannot be read: the file may be damaged");
        } else if (households != sinceEnd) {
            firstReason("the end line (line " + line + ") counts " + households + " households, but " + sinceEnd
                    + " lines came before it: the file "
                    + (households > sinceEnd ? "lacks some" : "has more than were exported"));
        }
        sinceEnd = 0;
        lastEndLine = line;
    }

    /** The reason the import is not known complete, or null when it is. */
    String reason(Long unreadFrom) {
        if (unreadFrom != null) {
            firstReason("the lines from line " + unreadFrom + " on were not read");
        }
        if (lastEndLine == 0) {
            firstReason("the file has no end line {\"exportEnd\":true,\"households\":N}: nothing shows it is whole "
                    + "(a file written by hand, or an export cut off)");
        } else if (sinceEnd > 0) {
            firstReason(sinceEnd + " household lines follow the last end line (line " + lastEndLine
                    + ") without an end line of their own: they may be part of a cut-off export");
        }
        return reason;
    }

    private void firstReason(String text) {
        if (reason == null) {
            reason = text;
        }
    }
}
