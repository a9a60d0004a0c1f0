package cn.fupin.system.audit;

import cn.fupin.system.Sha256;
import java.time.Instant;

/**
 * One row of the audit trail: who ({@code username}, from {@code remoteAddr}), when, what ({@code action} on
 * {@code householdId}, with its {@code outcome} and a short {@code detail} that never holds a name or an ID
 * number), and the chain: the previous row's hash and this row's (an HMAC under the audit key; plain SHA-256
 * for rows older than the key, see {@link AuditChain}).
 */
public record AuditEvent(
        long seq,
        Instant occurredAt,
        String username,
        String remoteAddr,
        String action,
        String householdId,
        String outcome,
        String detail,
        String previousHash,
        String hash) {

    /** The hash of the chain's start (before row 1). */
    static final String GENESIS = "0".repeat(64);

    /** The previous hash and every field, separated by a character none of them holds: what a row's hash covers. */
    static String text(
            String previousHash,
            long seq,
            long occurredAtMillis,
            String username,
            String remoteAddr,
            String action,
            String householdId,
            String outcome,
            String detail) {
        return String.join(
                "\u001f",
                previousHash,
                Long.toString(seq),
                Long.toString(occurredAtMillis),
                username,
                remoteAddr,
                action,
                householdId == null ? "" : householdId,
                outcome,
                detail == null ? "" : detail);
    }

    /**
     * Plain SHA-256 of the row's text: how rows were chained before the chain was keyed (migration 22). Anyone
     * can compute it, so such rows are protected only by the keyed rows after them.
     */
    static String sha256(String text) {
        return Sha256.hex(text);
    }

    /** This row's text, recomputed from its fields. */
    String text() {
        return text(
                previousHash,
                seq,
                occurredAt.toEpochMilli(),
                username,
                remoteAddr,
                action,
                householdId,
                outcome,
                detail);
    }
}
