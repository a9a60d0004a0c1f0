package cn.fupin.system.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The verification finds every kind of tampering, on a database of its own (H2, or MariaDB in the MySQL run;
 * with the append-only triggers dropped, as someone with the schema owner's rights could).
 */
class AuditChainTests {

    static final AuditKey KEY = AuditKey.of(Base64.getEncoder().encodeToString(new byte[32]), "test key");

    JdbcTemplate jdbc;
    AuditChain chain;
    DataSource db;

    @TempDir
    Path anchorDir;

    @BeforeEach
    void aTrailOfFiveRows() {
        db = AuditTestDatabase.create();
        Flyway flyway = AuditTestDatabase.flyway(db, "latest");
        flyway.clean();
        flyway.migrate();
        jdbc = new JdbcTemplate(db);
        chain = new AuditChain(jdbc, KEY);
        Instant t = Instant.parse("2020-06-30T01:00:00Z");
        for (int i = 0; i < 5; i++) {
            chain.append(List.of(new AuditChain.Entry(
                    t.plusSeconds(i), "caseworker", "10.0.0.1", "HOUSEHOLD_READ", "520102-00000" + i, "OK", null)));
        }
        jdbc.execute("DROP TRIGGER audit_event_no_update");
        jdbc.execute("DROP TRIGGER audit_event_no_delete");
    }

    @Test
    void anUntouchedTrailIsIntact() {
        AuditChain.Verification v = chain.verify(List.of());
        assertThat(v.intact()).isTrue();
        assertThat(v.rows()).isEqualTo(5);
    }

    @Test
    void aChangedFieldIsFoundAtItsRow() {
        jdbc.update("UPDATE audit_event SET username = 'someone-else' WHERE seq = 3");
        AuditChain.Verification v = chain.verify(List.of());
        assertThat(v.brokenAt()).isEqualTo(3);
        assertThat(v.problem()).contains("altered");
    }

    @Test
    void aRemovedRowIsFound() {
        jdbc.update("DELETE FROM audit_event WHERE seq = 2");
        assertThat(chain.verify(List.of()).brokenAt()).isEqualTo(2);
    }

    @Test
    void aRowRewrittenWithAFreshHashBreaksTheNextLink() {
        jdbc.update("UPDATE audit_event SET outcome = 'NOT_FOUND' WHERE seq = 2");
        String rehashed = KEY.mac(AuditEvent.text(
                jdbc.queryForObject("SELECT previous_hash FROM audit_event WHERE seq = 2", String.class),
                2,
                jdbc.queryForObject("SELECT occurred_at FROM audit_event WHERE seq = 2", Long.class),
                "caseworker",
                "10.0.0.1",
                "HOUSEHOLD_READ",
                "520102-000001",
                "NOT_FOUND",
                null));
        jdbc.update("UPDATE audit_event SET hash = ? WHERE seq = 2", rehashed);
        AuditChain.Verification v = chain.verify(List.of());
        assertThat(v.brokenAt()).isEqualTo(3);
        assertThat(v.problem()).contains("does not follow");
    }

    @Test
    void rowsCutFromTheEndAreFoundByTheHead() {
        jdbc.update("DELETE FROM audit_event WHERE seq = 5");
        AuditChain.Verification v = chain.verify(List.of());
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).contains("removed");
    }

    @Test
    void aRowRewrittenByTheDatabaseAccountAndRechainedInPlainSha256IsFound() {
        // What the service's account could do before the chain was keyed: change a row and rebuild the chain
        // after it with plain SHA-256, head included. It holds no audit key, so the MACs give it away.
        jdbc.update("UPDATE audit_event SET detail = 'rewritten' WHERE seq = 3");
        rechainFrom(3, AuditEvent::sha256);
        AuditChain.Verification v = chain.verify(List.of());
        assertThat(v.intact()).as(v.problem()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(3);
        assertThat(v.problem()).contains("altered");
    }

    @Test
    void aChainRebuiltWithTheKeyAfterAnAnchorIsFoundByTheAnchor() {
        AuditAnchors anchors = new AuditAnchors(anchorDir.toString(), chain, Clock.systemUTC());
        assertThat(anchors.anchor().seq()).isEqualTo(5);
        jdbc.update("UPDATE audit_event SET detail = 'rewritten' WHERE seq = 4");
        rechainFrom(4, KEY::mac); // someone holding the key and the database, but not the anchor directory
        assertThat(chain.verify(List.of()).intact())
                .as("without the anchors the rebuilt chain holds")
                .isTrue();
        AuditChain.Verification v = chain.verify(anchors.all());
        assertThat(v.brokenAt()).isEqualTo(5);
        assertThat(v.problem()).contains("rewritten after it was anchored");
    }

    @Test
    void rowsCutFromTheEndAfterAnAnchorAreFoundByTheAnchor() {
        AuditAnchors anchors = new AuditAnchors(anchorDir.toString(), chain, Clock.systemUTC());
        anchors.anchor();
        jdbc.update("DELETE FROM audit_event WHERE seq = 5");
        jdbc.update("UPDATE audit_head SET seq = 4, hash = (SELECT hash FROM audit_event WHERE seq = 4) WHERE id = 1");
        assertThat(chain.verify(List.of()).intact())
                .as("without the anchors the cut chain holds")
                .isTrue();
        AuditChain.Verification v = chain.verify(anchors.all());
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).contains("row 5 was anchored").contains("removed");
    }

    @Test
    void theHeadIsAnchoredAgainOnlyOnceItMoved() throws Exception {
        AuditAnchors anchors = new AuditAnchors(anchorDir.toString(), chain, Clock.systemUTC());
        anchors.anchor();
        assertThat(anchors.anchor()).isNull();
        chain.append(List.of(new AuditChain.Entry(
                Instant.now(), "caseworker", "10.0.0.1", "HOUSEHOLD_READ", "520102-000009", "OK", null)));
        assertThat(anchors.anchor().seq()).isEqualTo(6);
        assertThat(Files.readAllLines(anchorDir.resolve(AuditAnchors.FILE))).hasSize(2);
        assertThat(chain.verify(anchors.all()).intact()).isTrue();
    }

    @Test
    void rowsChainedInPlainSha256BeforeTheKeyStillVerifyAndStayProtectedByIt() {
        Flyway flyway = AuditTestDatabase.flyway(db, "21");
        flyway.clean();
        flyway.migrate(); // a trail as the release before migration 22 left it: plain SHA-256
        String previous = AuditEvent.GENESIS;
        for (long seq = 1; seq <= 3; seq++) {
            String hash = AuditEvent.sha256(AuditEvent.text(
                    previous,
                    seq,
                    1_000L * seq,
                    "caseworker",
                    "10.0.0.1",
                    "HOUSEHOLD_READ",
                    "520102-00000" + seq,
                    "OK",
                    null));
            jdbc.update("""
                    INSERT INTO audit_event (seq, occurred_at, username, remote_addr, action, household_id, outcome,
                                             detail, previous_hash, hash)
                    VALUES (?, ?, 'caseworker', '10.0.0.1', 'HOUSEHOLD_READ', ?, 'OK', NULL, ?, ?)""", seq, 1_000L * seq, "520102-00000" + seq, previous, hash);
            jdbc.update("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", seq, hash);
            previous = hash;
        }
        AuditTestDatabase.flyway(db, "latest").migrate();
        assertThat(jdbc.queryForObject("SELECT keyed_from FROM audit_chain", Long.class))
                .isEqualTo(4);
        for (int i = 0; i < 2; i++) {
            chain.append(List.of(new AuditChain.Entry(
                    Instant.now(), "caseworker", "10.0.0.1", "HOUSEHOLD_READ", "520102-00001" + i, "OK", null)));
        }
        AuditChain.Verification v = chain.verify(List.of());
        assertThat(v.intact()).as(v.problem()).isTrue();
        assertThat(v.rows()).isEqualTo(5);

        // An old row rewritten and the whole chain rebuilt in plain SHA-256: the first keyed row gives it away.
        jdbc.execute("DROP TRIGGER audit_event_no_update");
        jdbc.update("UPDATE audit_event SET detail = 'rewritten' WHERE seq = 2");
        rechainFrom(2, AuditEvent::sha256);
        assertThat(chain.verify(List.of()).brokenAt()).isEqualTo(4);
    }

    /** Rebuilds the chain from row {@code from} to the end (and the head) with this hash, as a forger would. */
    private void rechainFrom(long from, Function<String, String> hashOf) {
        String previous =
                jdbc.queryForObject("SELECT previous_hash FROM audit_event WHERE seq = ?", String.class, from);
        List<AuditEvent> rows = jdbc.query(
                "SELECT * FROM audit_event WHERE seq >= ? ORDER BY seq",
                (rs, n) -> new AuditEvent(
                        rs.getLong("seq"),
                        Instant.ofEpochMilli(rs.getLong("occurred_at")),
                        rs.getString("username"),
                        rs.getString("remote_addr"),
                        rs.getString("action"),
                        rs.getString("household_id"),
                        rs.getString("outcome"),
                        rs.getString("detail"),
                        rs.getString("previous_hash"),
                        rs.getString("hash")),
                from);
        for (AuditEvent e : rows) {
            String hash = hashOf.apply(AuditEvent.text(
                    previous,
                    e.seq(),
                    e.occurredAt().toEpochMilli(),
                    e.username(),
                    e.remoteAddr(),
                    e.action(),
                    e.householdId(),
                    e.outcome(),
                    e.detail()));
            jdbc.update("UPDATE audit_event SET previous_hash = ?, hash = ? WHERE seq = ?", previous, hash, e.seq());
            previous = hash;
        }
        jdbc.update("UPDATE audit_head SET hash = ? WHERE id = 1", previous);
    }
}
