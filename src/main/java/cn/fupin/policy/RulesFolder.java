package cn.fupin.policy;

import cn.fupin.system.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The policy staff's folder: the DRL files directly in it (one per action), the quality checks' DRL files in
 * {@code quality/}, and {@code standards.yaml}. These files, and only these, make a rule set and its version;
 * scenarios and notes beside them do not change it.
 */
public final class RulesFolder {

    public static final String STANDARDS_FILE = "standards.yaml";
    /** The folder of scenario tests: read by the gate, never part of the rule set. */
    public static final String SCENARIOS = "scenarios";
    /** The sub-folder of the quality rules, which check the records rather than decide measures. */
    public static final String QUALITY = "quality";

    private final Path dir;

    public RulesFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The rule set's files in a stable order (by path), read as UTF-8. */
    public List<RuleSource> read() {
        if (!Files.isDirectory(dir)) {
            throw new RuleSetException(
                    List.of(new RuleProblem(dir.toString(), 0, "the rules folder does not exist (set app.rules-dir)")));
        }
        List<RuleSource> sources = new ArrayList<>();
        try {
            for (Path file : list(dir)) {
                String name = file.getFileName().toString();
                if (name.endsWith(".drl") || name.equals(STANDARDS_FILE)) {
                    sources.add(new RuleSource(name, Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
            Path quality = dir.resolve(QUALITY);
            if (Files.isDirectory(quality)) {
                for (Path file : list(quality)) {
                    if (file.getFileName().toString().endsWith(".drl")) {
                        sources.add(new RuleSource(
                                QUALITY + "/" + file.getFileName(), Files.readString(file, StandardCharsets.UTF_8)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules folder " + dir, e);
        }
        return sources;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** {@code sha256:} over every file's path and content, in path order: equal folders, equal versions. */
    public static String version(List<RuleSource> sources) {
        MessageDigest digest = Sha256.digest();
        for (RuleSource source : sources) {
            digest.update(source.path().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(source.content().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return "sha256:" + Sha256.hex(digest);
    }
}
