package cn.fupin.system.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One row of the audit trail: who ({@code username}, from {@code remoteAddr}), when, what ({@code action} on
 * {@code householdId}, with its {@code outcome} and a short {@code detail} that never holds a name or an ID
 * number), and the chain: the previous row's hash and this row's.
 */
public record AuditEvent(long seq, Instant occurredAt, String username, String remoteAddr, String action,
                         String householdId, String outcome, String detail, String previousHash, String hash) {

    /** The hash of the chain's start (before row 1). */
    static final String GENESIS = "0".repeat(64);

    /** SHA-256 over the previous hash and every field, separated by a character none of them holds. */
    static String hash(String previousHash, long seq, long occurredAtMillis, String username, String remoteAddr,
                       String action, String householdId, String outcome, String detail) {
        String text = String.join("\u001f", previousHash, Long.toString(seq), Long.toString(occurredAtMillis),
                username, remoteAddr, action, householdId == null ? "" : householdId, outcome,
                detail == null ? "" : detail);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hash this row should carry, recomputed from its fields. */
    String expectedHash() {
        return hash(previousHash, seq, occurredAt.toEpochMilli(), username, remoteAddr, action, householdId, outcome,
                detail);
    }
}
