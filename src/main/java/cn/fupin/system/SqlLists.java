package cn.fupin.system;

import java.util.Collections;

/** The placeholders of an SQL {@code IN (…)} list for a plain JdbcTemplate query. */
public final class SqlLists {

    private SqlLists() {}

    /** {@code ?,?,…} for {@code size} values; callers never ask for none ({@code IN ()} is not SQL). */
    public static String marks(int size) {
        return String.join(",", Collections.nCopies(size, "?"));
    }
}
