package cn.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.household.ResidentIdNumber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads everything the test run logged ({@code target/test-logs}, written by every Spring context of the run)
 * and fails on any valid ID number and on any member name the tests send. Surefire runs this class after all
 * the others (pom.xml, execution "log-scan"), so it sees the whole run.
 */
class LogScanTests {

    static final Path LOGS = Path.of("target/test-logs");
    /** The names of members in the tests' households. */
    static final Set<String> NAMES = Set.of("张三", "王大山");

    /** Each logged line holding personal data, as file:line and what it holds (never the value itself). */
    static List<String> findings(String source, List<String> lines) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            // The service's own redaction masks every valid ID number in a text: a line it changes holds one.
            if (!PersonalData.redact(line).equals(line)) {
                found.add(source + ":" + (i + 1) + " holds an ID number");
            }
            for (String name : NAMES) {
                if (line.contains(name)) {
                    found.add(source + ":" + (i + 1) + " holds a member's name");
                }
            }
        }
        return found;
    }

    @Test
    void theScanFindsAnIdNumberOrANameInALine() {
        String number = ResidentIdNumber.of("520102", LocalDate.of(1975, 1, 1), cn.fupin.household.Sex.MALE, 1);
        assertThat(findings("x.log", List.of("ok", "member " + number + " stored")))
                .hasSize(1);
        assertThat(findings("x.log", List.of("member 张三 stored"))).hasSize(1);
        assertThat(findings("x.log", List.of("job 123456789012345678 took 1776000000000 ms")))
                .isEmpty();
        // A temporary folder's random name: province 42 and a matching check digit, but no date in it.
        assertThat(findings("x.log", List.of("Watching /tmp/rules-423723116288125185 for changes")))
                .isEmpty();
    }

    @Test
    void nothingTheTestRunLoggedHoldsAnIdNumberOrAName() throws IOException {
        assertThat(LOGS).as("the test run's log folder").isDirectory();
        List<String> found = new ArrayList<>();
        long lines = 0;
        try (Stream<Path> files = Files.list(LOGS)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                // Decoded leniently: a line cut in the middle of a character must not hide the lines around it.
                List<String> text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                        .lines()
                        .toList();
                lines += text.size();
                found.addAll(findings(file.getFileName().toString(), text));
            }
        }
        assertThat(lines).as("lines logged by the run").isGreaterThan(500);
        assertThat(found).isEmpty();
    }
}
