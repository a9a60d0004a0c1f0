package cn.fupin.household;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a stream of UTF-8 bytes, holding at most {@code maxBytes} of a line: the rest of a longer line
 * is skipped up to its end, unread, and the line comes back as too long. {@code BufferedReader.readLine} would
 * hold a line of any length, and one 600 MB line exhausts the heap. Lines end as readLine ends them (LF, CR
 * or CR LF), so line numbers are the same as before; the bytes of an LF or a CR never occur inside another
 * UTF-8 character, so lines are split on bytes before they are decoded.
 */
final class BoundedLines {

    /** A line: its text, or {@code tooLong} with no text when it had more than the limit of bytes. */
    record Line(String text, boolean tooLong) {}

    private static final Line TOO_LONG = new Line(null, true);
    private static final int LF = '\n';
    private static final int CR = '\r';

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int end;
    private boolean afterCr;
    // Grows with the longest line seen, never past maxBytes: a registry of small lines stays small.
    private byte[] line = new byte[1024];

    BoundedLines(InputStream in, int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1");
        }
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == end && !fill()) {
                return any ? finish(length, tooLong) : null;
            }
            if (afterCr) {
                afterCr = false;
                if (buffer[position] == LF) {
                    position++;
                    continue;
                }
            }
            any = true;
            int start = position;
            while (position < end && buffer[position] != LF && buffer[position] != CR) {
                position++;
            }
            int n = position - start;
            if (!tooLong) {
                if (length + n > maxBytes) {
                    tooLong = true;
                } else {
                    append(start, n, length);
                    length += n;
                }
            }
            if (position < end) {
                afterCr = buffer[position] == CR;
                position++;
                return finish(length, tooLong);
            }
        }
    }

    /**
     * Whether the stream has ended, reading at most one more buffer of it: the answer to "was anything left
     * unread" once enough lines have been read.
     */
    boolean atEnd() throws IOException {
        if (afterCr) {
            if (position == end && !fill()) {
                return true;
            }
            afterCr = false;
            if (buffer[position] == LF) {
                position++;
            }
        }
        return position == end && !fill();
    }

    private Line finish(int length, boolean tooLong) {
        return tooLong ? TOO_LONG : new Line(new String(line, 0, length, StandardCharsets.UTF_8), false);
    }

    private void append(int start, int n, int length) {
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.min(maxBytes, Math.max(length + n, 2 * line.length)));
        }
        System.arraycopy(buffer, start, line, length, n);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length); // blocks until a byte comes, or answers -1 at the end
        position = 0;
        end = Math.max(n, 0);
        return n > 0;
    }
}
