package cn.fupin.policy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Keeps every rule set that was activated, each activation, and every reload attempt. */
@Repository
public class RuleSetStore {

    /** One activation: which version, which one it replaced, who, when. */
    public record Activation(
            String version, String replacedVersion, String activatedBy, Instant activatedAt, int rules) {}

    private static final TypeReference<List<RuleSource>> SOURCES = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    RuleSetStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records an activation, storing the rule set's files the first time its version is seen. */
    @Transactional
    public void activated(RuleSet ruleSet, String replaced, String user, Instant at) {
        Integer known =
                jdbc.queryForObject("SELECT COUNT(*) FROM ruleset WHERE version = ?", Integer.class, ruleSet.version());
        if (known == 0) {
            try {
                jdbc.update(
                        "INSERT INTO ruleset (version, rule_count, files, stored_at) VALUES (?, ?, ?, ?)",
                        ruleSet.version(),
                        ruleSet.ruleCount(),
                        json.writeValueAsString(ruleSet.sources()),
                        Timestamp.from(at));
            } catch (DuplicateKeyException e) {
                // Another instance starting with the same folder stored it meanwhile: the version is a hash of
                // the files, so what it stored is what this one would have.
            }
        }
        jdbc.update(
                "INSERT INTO ruleset_activation (version, replaced_version, activated_by, activated_at) VALUES (?, ?, ?, ?)",
                ruleSet.version(),
                replaced,
                user,
                Timestamp.from(at));
    }

    public Optional<String> lastActivated() {
        return jdbc
                .query("SELECT version FROM ruleset_activation ORDER BY seq DESC LIMIT 1", (rs, i) -> rs.getString(1))
                .stream()
                .findFirst();
    }

    /** Every activation, newest first. */
    public List<Activation> activations() {
        return jdbc.query(
                """
                SELECT a.version, a.replaced_version, a.activated_by, a.activated_at, r.rule_count
                  FROM ruleset_activation a JOIN ruleset r ON r.version = a.version
                 ORDER BY a.seq DESC
                """,
                (rs, i) -> new Activation(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getInt(5)));
    }

    /** The files of a stored version. */
    /** Each stored version's decision version, read once: a stored version's files never change. */
    private final Map<String, String> decisionVersions = new ConcurrentHashMap<>();

    /**
     * Every stored version that decides exactly as this rule set does (the same files but for the quality rules),
     * itself included: an evaluation made with any of them is not out of date.
     */
    public List<String> decidingAs(RuleSet ruleSet) {
        String decision = ruleSet.decisionVersion();
        List<String> same = new ArrayList<>(List.of(ruleSet.version()));
        for (String version : jdbc.queryForList("SELECT version FROM ruleset", String.class)) {
            String known = decisionVersions.computeIfAbsent(
                    version, v -> sources(v).map(RuleSet::decisionVersion).orElse(""));
            if (known.equals(decision) && !version.equals(ruleSet.version())) {
                same.add(version);
            }
        }
        return same;
    }

    public Optional<List<RuleSource>> sources(String version) {
        return jdbc.query("SELECT files FROM ruleset WHERE version = ?", (rs, i) -> rs.getString(1), version).stream()
                .findFirst()
                .map(files -> json.readValue(files, SOURCES));
    }

    /** In a transaction of its own: a refused reload is recorded even though the caller fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void audit(String user, Instant at, String from, String to, String outcome, int problems, String detail) {
        jdbc.update(
                """
                INSERT INTO ruleset_reload_audit (requested_by, requested_at, from_version, to_version, outcome, problems, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                user,
                Timestamp.from(at),
                from,
                to,
                outcome,
                problems,
                detail == null ? null : detail.substring(0, Math.min(detail.length(), 2000)));
    }
}
