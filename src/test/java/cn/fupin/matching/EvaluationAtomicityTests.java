package cn.fupin.matching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.household.HouseholdJson;
import cn.fupin.policy.RulesCopy;
import cn.fupin.system.ApiTestBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An evaluation that fails half-way leaves the database as it was. The rules here are the real ones plus
 * one whose reason is longer than the ledger's column: the database refuses that row after the evaluation
 * row and the other measures have been written, and all of it must be rolled back.
 */
class EvaluationAtomicityTests extends ApiTestBase {

    static final Path RULES = copyOfRulesWithAnOverlongReason();

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) {
        registry.add("app.rules-dir", RULES::toString);
    }

    @Autowired
    JdbcTemplate jdbc;

    static Path copyOfRulesWithAnOverlongReason() {
        try {
            // With the scenarios, as every folder needs to start: the rule fires only for the household marked
            // below (999 industry projects), so no scenario of the real folder meets it.
            Path dir = RulesCopy.create(true);
            Files.writeString(dir.resolve("zz-overlong.drl"), """
                    package cn.fupin.rules;
                    import cn.fupin.matching.*;
                    rule "饮水安全保障：理由过长（测试用）"
                        @measure("WATER_SAFETY")
                    when
                        HouseholdFact( $hid : id, industryProjects == 999 )
                    then
                        insertLogical( Match.household(kcontext, $hid, "很长的理由".repeat(1000)) );
                    end
                    """);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aDatabaseErrorHalfWayThroughRecordingLeavesNothingBehind() {
        String id = newHouseholdId();
        assertThat(api.put(
                                "/api/households/" + id,
                                "caseworker",
                                HouseholdJson.household(id).put("industryProjects", 999),
                                null)
                        .status())
                .isEqualTo(201);

        var response = api.post("/api/households/" + id + "/evaluations?asOf=2020-06-30", "caseworker", "");
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.contentType()).startsWith("application/problem+json");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation WHERE household_id = ?", Integer.class, id))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recommendation WHERE household_id = ?", Integer.class, id))
                .isZero();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM recommendation_status_change c
                  JOIN recommendation r ON r.recommendation_id = c.recommendation_id WHERE r.household_id = ?
                """, Integer.class, id)).isZero();
        assertThat(api.get("/api/households/" + id, "caseworker")
                        .json()
                        .get("version")
                        .asLong())
                .isZero();
    }
}
