package cn.fupin.system.audit;

import cn.fupin.system.KeyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key of the audit chain's HMAC-SHA-256. It never lives in the database: whoever holds only the
 * service's database account can append rows but cannot make them verify, nor rewrite older ones. It comes
 * from configuration ({@code app.audit.key}, typically APP_AUDIT_KEY) or a key file of its own
 * ({@code app.audit.key-file}), and must not be one of the keys protecting ID numbers.
 */
public final class AuditKey {

    private final SecretKeySpec key;
    private final byte[] bytes;

    private AuditKey(byte[] bytes) {
        this.bytes = bytes.clone();
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** The key as base64 of 32 bytes. */
    public static AuditKey of(String base64, String where) {
        return new AuditKey(KeyFiles.decode(base64, where));
    }

    /** The key of a file ({@code key=base64}); with {@code create}, a missing file is made with a fresh key. */
    public static AuditKey file(Path file, boolean create) {
        if (!Files.exists(file)) {
            if (!create) {
                throw new IllegalStateException("The audit key file " + file + " does not exist: configure "
                        + "app.audit.key, or an existing app.audit.key-file");
            }
            write(file);
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit key file " + file, e);
        }
        return of(p.getProperty("key"), file + " key");
    }

    /** Whether this is the very key given (to refuse an audit key shared with another purpose). */
    boolean sameAs(byte[] other) {
        return MessageDigest.isEqual(bytes, other);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    /** HMAC-SHA-256 of the text, in hex. */
    String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file) {
        byte[] key = KeyFiles.fresh();
        String text =
                "# The audit trail's HMAC key. Keep it out of the repository and away from the database's hosts;\n"
                        + "# without it the trail cannot be verified. Never the same as the keys protecting ID numbers.\n"
                        + "key=" + Base64.getEncoder().encodeToString(key) + "\n";
        try {
            Path temp = KeyFiles.ownerOnlyBeside(file, text);
            try {
                Files.move(temp, file);
            } catch (FileAlreadyExistsException raced) {
                Files.delete(temp); // another process made it first: its key is the one
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit key file " + file, e);
        }
    }
}
