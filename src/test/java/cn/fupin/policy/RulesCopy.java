package cn.fupin.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A copy of the real rules folder for a test to break or change, leaving the real one alone. */
public final class RulesCopy {

    private RulesCopy() {}

    /** The rule files, quality rules and standards (and the scenarios, when asked) copied into a new temporary folder. */
    public static Path create(boolean withScenarios) {
        try {
            return into(Files.createTempDirectory("rules-"), withScenarios);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path into(Path dir, boolean withScenarios) {
        try {
            copyFiles(Path.of("rules"), dir);
            copyFiles(Path.of("rules", RulesFolder.QUALITY), Files.createDirectories(dir.resolve(RulesFolder.QUALITY)));
            if (withScenarios) {
                copyFiles(Path.of("rules", "scenarios"), Files.createDirectories(dir.resolve("scenarios")));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces text in a file of the copy. */
    public static void edit(Path dir, String file, String from, String to) {
        try {
            Path path = dir.resolve(file);
            String text = Files.readString(path);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain: " + from);
            }
            Files.writeString(path, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        try (var files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
