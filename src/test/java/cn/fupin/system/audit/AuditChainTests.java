package cn.fupin.system.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verification finds every kind of tampering, on a database of its own (with the append-only triggers
 * dropped, as someone with the schema owner's rights could).
 */
class AuditChainTests {

    static final AuditKey KEY = AuditKey.of(java.util.Base64.getEncoder().encodeToString(new byte[32]), "test key");

    JdbcTemplate jdbc;
    AuditChain chain;

    @BeforeEach
    void aTrailOfFiveRows() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:audit-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
        jdbc = new JdbcTemplate(db);
        chain = new AuditChain(jdbc, KEY);
        Instant t = Instant.parse("2020-06-30T01:00:00Z");
        for (int i = 0; i < 5; i++) {
            chain.append(List.of(new AuditChain.Entry(t.plusSeconds(i), "caseworker", "10.0.0.1", "HOUSEHOLD_READ",
                    "520102-00000" + i, "OK", null)));
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
        String rehashed = KEY.mac(AuditEvent.text(jdbc.queryForObject("SELECT previous_hash FROM audit_event WHERE seq = 2",
                String.class), 2, jdbc.queryForObject("SELECT occurred_at FROM audit_event WHERE seq = 2", Long.class),
                "caseworker", "10.0.0.1", "HOUSEHOLD_READ", "520102-000001", "NOT_FOUND", null));
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
}
