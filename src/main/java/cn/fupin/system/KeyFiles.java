package cn.fupin.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writing a file of keys: readable by the service's own user only, and never seen half-written. */
public final class KeyFiles {

    private KeyFiles() {}

    /**
     * Writes the text to a new file beside {@code file}, readable and writable by its owner only, and returns
     * it; the caller moves it into place (replacing the old file, or only if none exists), so that a reader
     * sees the old file or the new one, never part of one.
     */
    public static Path ownerOnlyBeside(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's own permissions apply.
        }
        Files.writeString(temp, text);
        return temp;
    }
}
