package cn.fupin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.system.ApiTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With watch mode on, a change to the rules folder is reloaded through the same gate, unasked. */
class RulesWatchTests extends ApiTestBase {

    static final Path RULES = RulesCopy.create(true);

    @DynamicPropertySource
    static void watch(DynamicPropertyRegistry registry) {
        registry.add("app.rules-dir", RULES::toString);
        registry.add("app.rules-watch.enabled", () -> "true");
        registry.add("app.rules-watch.quiet-period", () -> "300ms");
    }

    @Autowired
    JdbcTemplate jdbc;

    String activeVersion() {
        return api.get("/api/rulesets/active", "caseworker")
                .json()
                .get("version")
                .asString();
    }

    /** Waits (up to 20 s) for the audit to show a reload by the watch with the given outcome. */
    void awaitWatchReload(String outcome, int before) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Integer seen = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM ruleset_reload_audit WHERE requested_by = 'watch' AND outcome = ?",
                    Integer.class,
                    outcome);
            if (seen > before) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + outcome + " reload by the watch");
    }

    int count(String outcome) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM ruleset_reload_audit WHERE requested_by = 'watch' AND outcome = ?",
                Integer.class,
                outcome);
    }

    @Test
    void aChangedStandardIsActivatedAndABrokenFileIsRefused() throws IOException, InterruptedException {
        Path standards = RULES.resolve("standards.yaml");
        String original = Files.readString(standards);
        String before = activeVersion();

        int activated = count("ACTIVATED");
        Files.writeString(
                standards,
                original.replace(
                        "    - { since: 2020-01-01, value: 4500, reference: \"《省2020年脱贫攻坚十大专项行动方案》兜底保障专项行动：省级农村低保标准\" }\n",
                        "    - { since: 2020-01-01, value: 4500, reference: \"《省2020年脱贫攻坚十大专项行动方案》兜底保障专项行动：省级农村低保标准\" }\n    - { since: 2031-01-01, value: 9999, reference: \"测试用值\" }\n"));
        awaitWatchReload("ACTIVATED", activated);
        String changed = activeVersion();
        assertThat(changed).isNotEqualTo(before);

        int refused = count("REFUSED");
        Path water = RULES.resolve("water.drl");
        String drl = Files.readString(water);
        Files.writeString(water, drl.replace("safeDrinkingWater == false )", "safeDrinkingWater == false"));
        awaitWatchReload("REFUSED", refused);
        assertThat(activeVersion()).isEqualTo(changed);

        Files.writeString(water, drl);
        Files.writeString(standards, original);
        awaitWatchReload("ACTIVATED", activated + 1);
        assertThat(activeVersion()).isEqualTo(before);
    }
}
