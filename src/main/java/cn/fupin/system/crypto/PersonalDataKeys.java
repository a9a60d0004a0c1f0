package cn.fupin.system.crypto;

import cn.fupin.system.KeyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The keys that protect ID numbers: AES-256 keys by id (the current one encrypts, every one decrypts, so a
 * rotation can re-encrypt while the service runs) and one HMAC key for the lookup column.
 * <p>
 * They come from configuration ({@code app.personal-data.keys} = {@code id:base64,…}, the first current, and
 * {@code app.personal-data.hmac-key}), typically the environment, or from a key file
 * ({@code app.personal-data.key-file}). The file is read again when it changes, so a rotation that adds a key
 * to it reaches a running service without a restart. Keys never live in the repository.
 */
public final class PersonalDataKeys {

    /** One keyring as read: the key that encrypts now, every key by id, and the lookup key. */
    record Ring(String currentId, Map<String, byte[]> keys, byte[] hmacKey) {}

    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final Path file;
    private volatile Ring ring;
    private volatile FileTime readAt;
    private volatile long checkedAt = System.nanoTime();

    private PersonalDataKeys(Path file, Ring ring) {
        this.file = file;
        this.ring = ring;
    }

    /** Keys given inline: {@code id:base64} entries, comma separated, the first the current one. */
    public static PersonalDataKeys inline(String keys, String hmacKey) {
        Map<String, byte[]> byId = new LinkedHashMap<>();
        String current = null;
        for (String entry : keys.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalStateException("app.personal-data.keys: each key is id:base64 (comma separated)");
            }
            byId.put(parts[0], KeyFiles.decode(parts[1], "app.personal-data.keys " + parts[0]));
            current = current == null ? parts[0] : current;
        }
        if (hmacKey == null || hmacKey.isBlank()) {
            throw new IllegalStateException("app.personal-data.hmac-key is missing (base64, 32 bytes)");
        }
        return new PersonalDataKeys(
                null, new Ring(current, byId, KeyFiles.decode(hmacKey, "app.personal-data.hmac-key")));
    }

    /** Keys from a file; with {@code create}, a missing file is made with fresh keys (embedded default only). */
    public static PersonalDataKeys file(Path file, boolean create) {
        if (!Files.exists(file)) {
            if (!create) {
                throw new IllegalStateException("The key file " + file + " does not exist: configure "
                        + "app.personal-data.keys and app.personal-data.hmac-key, or an existing key file");
            }
            write(file, "k1", Map.of("k1", KeyFiles.fresh()), KeyFiles.fresh());
        }
        PersonalDataKeys keys = new PersonalDataKeys(file, read(file));
        keys.readAt = modified(file);
        return keys;
    }

    /** The keyring as it is now; a key file is checked for changes at most once a second. */
    Ring ring() {
        if (file != null && System.nanoTime() - checkedAt > RECHECK_NANOS) {
            checkedAt = System.nanoTime();
            FileTime now = modified(file);
            if (!now.equals(readAt)) {
                ring = read(file);
                readAt = now;
            }
        }
        return ring;
    }

    /** Re-reads a key file now (a key id was met that the ring does not know yet). */
    Ring reread() {
        if (file != null) {
            FileTime now = modified(file);
            ring = read(file);
            readAt = now;
            checkedAt = System.nanoTime();
        }
        return ring;
    }

    /** Whether the key is one of these (an AES key or the lookup key): another purpose must not reuse it. */
    public boolean holds(byte[] key) {
        Ring now = ring();
        return MessageDigest.isEqual(now.hmacKey(), key)
                || now.keys().values().stream().anyMatch(k -> MessageDigest.isEqual(k, key));
    }

    /** The key file, or null when the keys are configured inline. */
    public Path file() {
        return file;
    }

    /**
     * Adds a fresh key to the key file and makes it the current one; the older keys stay for reading until
     * nothing is encrypted with them. Returns the new key's id.
     */
    public synchronized String addCurrentKey() {
        if (file == null) {
            throw new IllegalStateException("The keys are configured inline: put the new key first in "
                    + "app.personal-data.keys and restart, then run rekey");
        }
        Ring now = read(file);
        int n = now.keys().size() + 1;
        while (now.keys().containsKey("k" + n)) {
            n++;
        }
        String id = "k" + n;
        Map<String, byte[]> keys = new LinkedHashMap<>(now.keys());
        keys.put(id, KeyFiles.fresh());
        write(file, id, keys, now.hmacKey());
        reread();
        return id;
    }

    /** Drops keys other than the current one from the key file (after a rekey left nothing under them). */
    public synchronized void retireOldKeys() {
        if (file == null) {
            return;
        }
        Ring now = read(file);
        write(file, now.currentId(), Map.of(now.currentId(), now.keys().get(now.currentId())), now.hmacKey());
        reread();
    }

    private static Ring read(Path file) {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key file " + file, e);
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        p.stringPropertyNames().stream()
                .filter(name -> name.startsWith("key."))
                .sorted()
                .forEach(name -> keys.put(name.substring(4), KeyFiles.decode(p.getProperty(name), file + " " + name)));
        String current = p.getProperty("current");
        if (current == null || !keys.containsKey(current)) {
            throw new IllegalStateException(file + ": 'current' must name one of its key.<id> entries");
        }
        return new Ring(current, keys, KeyFiles.decode(p.getProperty("hmac"), file + " hmac"));
    }

    private static void write(Path file, String current, Map<String, byte[]> keys, byte[] hmac) {
        StringBuilder text = new StringBuilder(
                "# Keys protecting ID numbers. Keep this file out of the repository and back it up:\n"
                        + "# without it the stored ID numbers cannot be read. 'current' encrypts; every key.<id> decrypts.\n");
        text.append("current=").append(current).append('\n');
        keys.forEach((id, key) -> text.append("key.")
                .append(id)
                .append('=')
                .append(Base64.getEncoder().encodeToString(key))
                .append('\n'));
        text.append("hmac=").append(Base64.getEncoder().encodeToString(hmac)).append('\n');
        try {
            Path temp = KeyFiles.ownerOnlyBeside(file, text.toString());
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the key file " + file, e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key file " + file, e);
        }
    }
}
