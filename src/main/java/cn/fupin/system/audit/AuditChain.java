package cn.fupin.system.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit table as a hash chain. Appending locks the head row, so appends from every thread and every
 * service instance line up one after another; a transaction appends last, just before it commits, so the
 * lock is held only for the inserts.
 * <p>
 * Each row's hash is an HMAC-SHA-256 under the audit key, which the database never sees: the service's
 * database account can insert rows, but not rows that verify. Rows from before the key (below
 * {@code audit_chain.keyed_from}, set by migration 22 and not writable by that account) carry plain SHA-256
 * and still verify; the first keyed row's MAC covers the last plain hash, so they cannot be rewritten either.
 */
@Repository
class AuditChain {

    /** An event before it has a place in the chain. */
    record Entry(
            Instant at,
            String username,
            String remoteAddr,
            String action,
            String householdId,
            String outcome,
            String detail) {}

    /** The outcome of a verification: rows checked, and the first row that breaks the chain (or null). */
    record Verification(long rows, String headHash, Long brokenAt, String problem) {
        boolean intact() {
            return brokenAt == null;
        }
    }

    private static final int PAGE = 5_000;

    /** The chain's last row: its seq and hash. */
    record Head(long seq, String hash) {}

    private final JdbcTemplate jdbc;
    private final AuditKey key;

    AuditChain(JdbcTemplate jdbc, AuditKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    /** Appends the entries in order within the caller's transaction (or a new one). */
    @Transactional(propagation = Propagation.REQUIRED)
    void append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<String, Object> head = jdbc.queryForMap("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
        long seq = ((Number) head.get("seq")).longValue();
        String previous = (String) head.get("hash");
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            seq++;
            long at = e.at().toEpochMilli();
            String hash = key.mac(AuditEvent.text(
                    previous,
                    seq,
                    at,
                    e.username(),
                    e.remoteAddr(),
                    e.action(),
                    e.householdId(),
                    e.outcome(),
                    e.detail()));
            rows.add(new Object[] {
                seq,
                at,
                e.username(),
                e.remoteAddr(),
                e.action(),
                e.householdId(),
                e.outcome(),
                e.detail(),
                previous,
                hash
            });
            previous = hash;
        }
        jdbc.batchUpdate("""
                INSERT INTO audit_event (seq, occurred_at, username, remote_addr, action, household_id, outcome, detail,
                                         previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbc.update("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", seq, previous);
    }

    /** The head as it is now. */
    Head head() {
        Map<String, Object> head = jdbc.queryForMap("SELECT seq, hash FROM audit_head WHERE id = 1");
        return new Head(((Number) head.get("seq")).longValue(), (String) head.get("hash"));
    }

    /**
     * Walks the whole trail in order: every row must follow the one before it (seq without gaps, the previous
     * hash equal to that row's hash) and carry the hash of its own fields (keyed from {@code keyed_from} on);
     * the last must be the head; and every head anchored outside the database must still be in the chain, as
     * it was: a chain rebuilt after an anchor, even by someone holding the key, differs there.
     */
    @Transactional(readOnly = true)
    Verification verify(List<AuditAnchors.Anchor> anchors) {
        NavigableMap<Long, AuditAnchors.Anchor> anchored = new TreeMap<>();
        anchors.forEach(a -> anchored.put(a.seq(), a));
        long keyedFrom = jdbc.queryForObject("SELECT keyed_from FROM audit_chain WHERE id = 1", Long.class);
        long after = 0;
        String previous = AuditEvent.GENESIS;
        long rows = 0;
        while (true) {
            List<AuditEvent> page = jdbc.query(
                    "SELECT * FROM audit_event WHERE seq > ? ORDER BY seq LIMIT ?", AuditChain::row, after, PAGE);
            for (AuditEvent e : page) {
                if (e.seq() != after + 1) {
                    return new Verification(rows, previous, after + 1, "row " + (after + 1) + " is missing");
                }
                if (!e.previousHash().equals(previous)) {
                    return new Verification(
                            rows,
                            previous,
                            e.seq(),
                            "row " + e.seq() + " does not follow the row before it (previous hash differs)");
                }
                String text = e.text();
                String expected = e.seq() >= keyedFrom ? key.mac(text) : AuditEvent.sha256(text);
                if (!e.hash().equals(expected)) {
                    return new Verification(
                            rows,
                            previous,
                            e.seq(),
                            "row " + e.seq() + " was altered (its " + (e.seq() >= keyedFrom ? "MAC" : "hash")
                                    + " does not match its fields)");
                }
                AuditAnchors.Anchor anchor = anchored.get(e.seq());
                if (anchor != null && !anchor.hash().equals(e.hash())) {
                    return new Verification(
                            rows,
                            previous,
                            e.seq(),
                            "row " + e.seq() + " is not the row anchored " + "at " + anchor.at()
                                    + ": the trail was rewritten after it was anchored");
                }
                previous = e.hash();
                after = e.seq();
                rows++;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        Head head = head();
        if (head.seq() != after || !previous.equals(head.hash())) {
            return new Verification(
                    rows,
                    previous,
                    after + 1,
                    "the trail ends at row " + after + " but its head says " + head.seq()
                            + ": rows at the end were removed");
        }
        if (!anchored.isEmpty() && anchored.lastKey() > after) {
            AuditAnchors.Anchor last = anchored.lastEntry().getValue();
            return new Verification(
                    rows,
                    previous,
                    after + 1,
                    "the trail ends at row " + after + " but row " + last.seq() + " was anchored at " + last.at()
                            + ": rows at the end were removed");
        }
        return new Verification(rows, previous, null, null);
    }

    /** Newest first, optionally only one household's or one user's events. */
    List<AuditEvent> page(String householdId, String username, int page, int size) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (householdId != null) {
            // Ids are case-sensitive (utf8mb4_bin on MySQL), but MySQL's = ignores trailing spaces, which a
            // requested id may have: the length makes it the exact match H2 makes.
            sql.append(" AND household_id = ? AND CHAR_LENGTH(household_id) = ?");
            args.add(householdId);
            args.add(householdId.codePointCount(0, householdId.length()));
        }
        if (username != null) {
            sql.append(" AND username = ?");
            args.add(username);
        }
        sql.append(" ORDER BY seq DESC LIMIT ? OFFSET ?");
        args.add(size);
        args.add((long) page * size);
        return jdbc.query(sql.toString(), AuditChain::row, args.toArray());
    }

    private static AuditEvent row(ResultSet rs, int n) throws SQLException {
        return new AuditEvent(
                rs.getLong("seq"),
                Instant.ofEpochMilli(rs.getLong("occurred_at")),
                rs.getString("username"),
                rs.getString("remote_addr"),
                rs.getString("action"),
                rs.getString("household_id"),
                rs.getString("outcome"),
                rs.getString("detail"),
                rs.getString("previous_hash"),
                rs.getString("hash"));
    }
}
