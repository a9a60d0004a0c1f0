package cn.fupin.system;

import java.sql.SQLException;

/**
 * Describes an exception for the log without its messages: a database driver's message can quote the
 * rejected value, which may be a name or an ID number. Classes, SQL states and our own frames are enough
 * to find the fault; the values stay in the database.
 */
final class SafeTrace {

    private static final int FRAMES = 12;

    private SafeTrace() {}

    static String of(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            text.append(t == error ? "" : "\n  caused by ").append(t.getClass().getName());
            if (t instanceof SQLException sql) {
                text.append(" [SQLState ")
                        .append(sql.getSQLState())
                        .append(", code ")
                        .append(sql.getErrorCode())
                        .append(']');
            }
            int shown = 0;
            for (StackTraceElement frame : t.getStackTrace()) {
                if (shown++ == FRAMES) {
                    text.append("\n    …");
                    break;
                }
                text.append("\n    at ").append(frame);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString();
    }
}
