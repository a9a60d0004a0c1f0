package cn.fupin.system.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The chain's head, written now and then to an append-only file outside the database
 * ({@code app.audit.anchor-dir}/audit-anchors.log, one line {@code time seq hash} per anchor), and read back by
 * the verification: whoever can rewrite the database (and even holds the audit key) cannot rewrite what was
 * anchored without the file system too. The directory must be writable by the service and out of reach of
 * the database's account and hosts. Without a directory nothing is anchored.
 */
@Component
public class AuditAnchors {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);
    static final String FILE = "audit-anchors.log";

    /** One anchored head: when, and the row's seq and hash. */
    record Anchor(Instant at, long seq, String hash) {}

    private final Path file;
    private final AuditChain chain;
    private final Clock clock;

    AuditAnchors(@Value("${app.audit.anchor-dir:}") String dir, AuditChain chain, Clock clock) {
        this.file = dir.isBlank() ? null : Path.of(dir).resolve(FILE);
        this.chain = chain;
        this.clock = clock;
        if (file == null) {
            log.warn("app.audit.anchor-dir is not set: the audit trail's head is not anchored outside the database");
        }
    }

    /** Appends the head if it moved since the last anchor; the anchor written, or null (none, or unmoved). */
    public synchronized Anchor anchor() {
        if (file == null) {
            return null;
        }
        AuditChain.Head head = chain.head();
        List<Anchor> anchors = all();
        if (head.seq() == 0
                || (!anchors.isEmpty() && anchors.get(anchors.size() - 1).seq() == head.seq())) {
            return null;
        }
        Anchor anchor = new Anchor(clock.instant(), head.seq(), head.hash());
        String line = anchor.at() + " " + anchor.seq() + " " + anchor.hash() + "\n";
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel out = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                out.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
                out.force(true); // on disk before it counts: an anchor lost in a crash protects nothing
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the audit anchor file " + file, e);
        }
        return anchor;
    }

    /** Every anchor in the file, oldest first (none without a directory or before the first). */
    List<Anchor> all() {
        List<Anchor> anchors = new ArrayList<>();
        if (file == null || !Files.exists(file)) {
            return anchors;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit anchor file " + file, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).trim().split(" ");
            if (parts.length == 1 && parts[0].isEmpty()) {
                continue;
            }
            try {
                anchors.add(new Anchor(Instant.parse(parts[0]), Long.parseLong(parts[1]), parts[2]));
            } catch (RuntimeException e) {
                throw new IllegalStateException(file + " line " + (i + 1) + " is not 'time seq hash'");
            }
        }
        return anchors;
    }
}
