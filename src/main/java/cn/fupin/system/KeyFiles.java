package cn.fupin.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The service's secret keys (the ID-number keys, the audit key) and their files: 32 random bytes written as
 * base64, a file readable by the service's own user only and never seen half-written.
 */
public final class KeyFiles {

    /** Every key is 32 bytes: AES-256 and HMAC-SHA-256 alike. */
    public static final int KEY_BYTES = 32;

    private KeyFiles() {}

    /** A key from its base64 form, refused (naming {@code where} it came from) unless it is 32 bytes. */
    public static byte[] decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(where + " must be " + KEY_BYTES + " bytes (base64 of 32 random bytes)");
        }
        return key;
    }

    /** A new random key. */
    public static byte[] fresh() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

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
