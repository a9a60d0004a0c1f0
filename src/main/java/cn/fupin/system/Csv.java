package cn.fupin.system;

/** CSV as the office's spreadsheets read it: UTF-8 with a byte-order mark (Excel and WPS), RFC 4180 quoting. */
public final class Csv {

    /** The byte-order mark that tells Excel and WPS the file is UTF-8. */
    public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Csv() {}

    /** A text field: quoted, with quotes doubled; null as an empty field. */
    public static String quoted(String text) {
        return text == null ? "" : '"' + text.replace("\"", "\"\"") + '"';
    }
}
