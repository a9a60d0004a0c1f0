package cn.fupin.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLinesTests {

    private static List<String> lines(String text, int maxBytes) throws IOException {
        return lines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxBytes);
    }

    /** Each line's text, or "<too long>". */
    private static List<String> lines(InputStream in, int maxBytes) throws IOException {
        BoundedLines lines = new BoundedLines(in, maxBytes);
        List<String> read = new ArrayList<>();
        for (BoundedLines.Line line = lines.next(); line != null; line = lines.next()) {
            read.add(line.tooLong() ? "<too long>" : line.text());
        }
        return read;
    }

    @Test
    void endsLinesAsReadLineDoes() throws IOException {
        assertThat(lines("", 10)).isEmpty();
        assertThat(lines("a", 10)).containsExactly("a");
        assertThat(lines("a\n", 10)).containsExactly("a");
        assertThat(lines("a\nb\r\nc\rd", 10)).containsExactly("a", "b", "c", "d");
        assertThat(lines("\n\n", 10)).containsExactly("", "");
        assertThat(lines("\r\r\n\r", 10)).containsExactly("", "", "");
        assertThat(lines("a\r", 10)).containsExactly("a");
    }

    @Test
    void aLineOfTheLimitIsReadAndOneByteMoreIsTooLongAndSkippedToItsEnd() throws IOException {
        assertThat(lines("12345\n123456\nab\r\n1234567", 5)).containsExactly("12345", "<too long>", "ab", "<too long>");
        // Limits are in bytes: 两 is three of them in UTF-8.
        assertThat(lines("两两\n两两x\n两", 6)).containsExactly("两两", "<too long>", "两");
    }

    @Test
    void linesAcrossBuffersAreWholeAndACrLfSplitAcrossThemIsOneEnd() throws IOException {
        String first = "x".repeat(8191);
        String second = "y".repeat(20_000);
        assertThat(lines(first + "\r\n" + second + "\n" + "z", 30_000)).containsExactly(first, second, "z");
        assertThat(lines(first + "\r\n" + second + "\n" + "z", 10_000)).containsExactly(first, "<too long>", "z");
    }

    @Test
    void atEndTellsWhetherAnythingIsLeftAfterTheLinesRead() throws IOException {
        BoundedLines lines =
                new BoundedLines(new ByteArrayInputStream("a\r\nb\n".getBytes(StandardCharsets.UTF_8)), 10);
        assertThat(lines.next().text()).isEqualTo("a");
        assertThat(lines.atEnd()).isFalse();
        assertThat(lines.next().text()).isEqualTo("b");
        assertThat(lines.atEnd()).isTrue();
        BoundedLines crLf = new BoundedLines(new ByteArrayInputStream("a\r\n".getBytes(StandardCharsets.UTF_8)), 10);
        crLf.next();
        assertThat(crLf.atEnd()).as("the LF of a CR LF is not a line left").isTrue();
    }

    /**
     * A single line of 600 MB read through a 64 KB limit allocates about what the limit is, not the line:
     * BufferedReader.readLine would grow a buffer of 600 MB and more (the old import at -Xmx512m).
     */
    @Test
    void aLineOf600MbIsSkippedWithoutHoldingIt() throws IOException {
        long size = 600_000_000L;
        InputStream line = new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : left == -1 ? '\n' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return left-- == 0 ? newline(b, off) : -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }

            private int newline(byte[] b, int off) {
                b[off] = '\n';
                return 1;
            }
        };
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        List<String> read = lines(line, 64 * 1024);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(read).containsExactly("<too long>");
        assertThat(allocated).as("bytes allocated reading the line").isLessThan(1024 * 1024);
    }
}
