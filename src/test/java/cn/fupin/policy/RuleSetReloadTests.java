package cn.fupin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.household.HouseholdJson;
import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Policy staff edit a copy of the real rules folder, validate it and switch the running service to it. */
class RuleSetReloadTests extends ApiTestBase {

    static final Path RULES = RulesCopy.create(true);
    static final String NEW_DIBAO_VALUE =
            "    - { since: 2020-01-01, value: 4500, reference: \"《省2020年脱贫攻坚十大专项行动方案》兜底保障专项行动：省级农村低保标准\" }\n";

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) {
        registry.add("app.rules-dir", RULES::toString);
    }

    @Autowired
    JdbcTemplate jdbc;

    final List<Runnable> restore = new ArrayList<>();

    /** Changes a file of the copy for one test; it is put back afterwards. */
    void edit(String file, String from, String to) throws IOException {
        Path path = RULES.resolve(file);
        String original = Files.readString(path);
        assertThat(original).contains(from);
        Files.writeString(path, original.replace(from, to));
        restore.add(() -> {
            try {
                Files.writeString(path, original);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @AfterEach
    void putFilesBack() {
        restore.forEach(Runnable::run);
    }

    /** Each test starts with the service on the untouched folder, whatever an earlier test left active. */
    @org.junit.jupiter.api.BeforeEach
    void startFromTheUntouchedFolder() {
        assertThat(api.post("/api/rulesets/reload", "policy", "").status()).isEqualTo(200);
    }

    String activeVersion() {
        return api.get("/api/rulesets/active", "caseworker")
                .json()
                .get("version")
                .asString();
    }

    Api.Response preview(ObjectNode household, String asOf) {
        return api.post("/api/recommendations?asOf=" + asOf, "caseworker", household);
    }

    static boolean hasDibao(JsonNode evaluation) {
        return evaluation
                .get("recommendations")
                .valueStream()
                .anyMatch(r -> r.get("measure").asString().equals("SAFETY_NET_DIBAO"));
    }

    @Test
    void theUnchangedFolderValidatesWithEveryScenarioAndNoChanges() {
        Api.Response response = api.post("/api/rulesets/validate", "policy", "");
        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("valid").asBoolean()).isTrue();
        assertThat(report.get("version").asString()).isEqualTo(activeVersion());
        assertThat(report.get("scenarios").asInt())
                .isGreaterThan(100)
                .isEqualTo(report.get("scenariosPassed").asInt());
        assertThat(report.get("changes").get("standards")).isEmpty();
        assertThat(api.post("/api/rulesets/reload", "policy", "")
                        .json()
                        .get("activated")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aSyntaxErrorIsRefusedWithItsFileAndLineAndTheOldRulesKeepAnswering() throws IOException {
        String before = activeVersion();
        edit("water.drl", "safeDrinkingWater == false )", "safeDrinkingWater == false");
        for (String action : new String[] {"validate", "reload"}) {
            Api.Response response = api.post("/api/rulesets/" + action, "policy", "");
            assertThat(response.status()).as(action).isEqualTo(422);
            assertThat(response.contentType()).startsWith("application/problem+json");
            JsonNode error = response.json().get("errors").get(0);
            assertThat(error.get("file").asString()).isEqualTo("water.drl");
            assertThat(error.get("line").asInt()).isEqualTo(12);
        }
        assertThat(activeVersion()).isEqualTo(before);
        assertThat(preview(HouseholdJson.household(newHouseholdId()), "2020-06-30")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aTypeErrorIsRefusedWithItsFileAndLine() throws IOException {
        String before = activeVersion();
        edit("housing.drl", "housingGrade in (HousingGrade.C", "housingGrade in (HousingStandard.C");
        Api.Response response = api.post("/api/rulesets/reload", "policy", "");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").valueStream()).anySatisfy(e -> {
            assertThat(e.get("file").asString()).isEqualTo("housing.drl");
            assertThat(e.get("line").asInt()).isEqualTo(11);
        });
        assertThat(activeVersion()).isEqualTo(before);
    }

    @Test
    void aFailingScenarioIsRefusedWithExpectedAndActualMeasures() throws IOException {
        edit("standards.yaml", NEW_DIBAO_VALUE, "    - { since: 2020-01-01, value: 4400, reference: \"测试用值\" }\n");
        Api.Response response = api.post("/api/rulesets/validate", "policy", "");
        assertThat(response.status()).isEqualTo(422);
        JsonNode failing = response.json().get("failingScenarios");
        assertThat(failing).isNotEmpty();
        assertThat(failing.get(0).has("expected")).isTrue();
        assertThat(failing.get(0).has("actual")).isTrue();
    }

    @Test
    void aNewDibaoStandardChangesOnlyTheNextEvaluationsAndTheOldOnesReplayAsRecorded() throws IOException {
        String id = newHouseholdId();
        ObjectNode household = HouseholdJson.household(id).put("incomePerCapita", 4700);
        assertThat(api.put("/api/households/" + id, "caseworker", household, null)
                        .status())
                .isEqualTo(201);
        JsonNode before = api.post("/api/households/" + id + "/evaluations?asOf=2021-06-30", "caseworker", "")
                .json();
        assertThat(hasDibao(before)).isFalse();
        String oldVersion = activeVersion();

        edit(
                "standards.yaml",
                NEW_DIBAO_VALUE,
                NEW_DIBAO_VALUE + "    - { since: 2021-01-01, value: 4800, reference: \"测试用值\" }\n");
        Api.Response reload = api.post("/api/rulesets/reload", "policy", "");
        assertThat(reload.status()).as(reload.body()).isEqualTo(200);
        JsonNode outcome = reload.json();
        assertThat(outcome.get("activated").asBoolean()).isTrue();
        assertThat(outcome.get("previousVersion").asString()).isEqualTo(oldVersion);
        JsonNode change = outcome.get("report").get("changes").get("standards").get(0);
        assertThat(change.get("standard").asString()).isEqualTo("dibao_standard");
        assertThat(change.get("since").asString()).isEqualTo("2021-01-01");
        assertThat(change.get("before").isNull()).isTrue();
        assertThat(change.get("after").decimalValue()).isEqualByComparingTo("4800");
        assertThat(activeVersion()).isEqualTo(outcome.get("version").asString()).isNotEqualTo(oldVersion);

        JsonNode after = api.post("/api/households/" + id + "/evaluations?asOf=2021-06-30", "caseworker", "")
                .json();
        assertThat(hasDibao(after)).isTrue();
        assertThat(after.get("rulesetVersion").asString()).isEqualTo(activeVersion());

        JsonNode replay = api.get(
                        "/api/evaluations/" + before.get("evaluationId").asString() + "/replay", "caseworker")
                .json();
        assertThat(replay.get("identical").asBoolean()).isTrue();
        assertThat(replay.get("rulesetVersion").asString()).isEqualTo(oldVersion);
        assertThat(replay.get("replayed")
                        .valueStream()
                        .map(r -> r.get("measure").asString()))
                .doesNotContain("SAFETY_NET_DIBAO");

        JsonNode activations = api.get("/api/rulesets", "caseworker").json();
        assertThat(activations.get(0).get("version").asString()).isEqualTo(activeVersion());
        assertThat(activations.get(0).get("replacedVersion").asString()).isEqualTo(oldVersion);
        assertThat(activations.get(0).get("activatedBy").asString()).isEqualTo("policy");
        JsonNode stored = api.get("/api/rulesets/" + oldVersion, "caseworker").json();
        assertThat(stored.get("files").valueStream().map(f -> f.get("path").asString()))
                .contains("standards.yaml");

        // Back to the original folder, through the same gate.
        restore.forEach(Runnable::run);
        restore.clear();
        assertThat(api.post("/api/rulesets/reload", "policy", "")
                        .json()
                        .get("version")
                        .asString())
                .isEqualTo(oldVersion);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM ruleset_reload_audit WHERE outcome = 'ACTIVATED'", Integer.class))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyReloadIsAuditedAndOnlyPolicyStaffMayReload() throws IOException {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM ruleset_reload_audit", Integer.class);
        edit("water.drl", "safeDrinkingWater == false )", "safeDrinkingWater == false");
        api.post("/api/rulesets/reload", "policy", "");
        assertThat(jdbc.queryForObject(
                        "SELECT outcome FROM ruleset_reload_audit ORDER BY seq DESC LIMIT 1", String.class))
                .isEqualTo("REFUSED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ruleset_reload_audit", Integer.class))
                .isEqualTo(before + 1);
        assertThat(api.post("/api/rulesets/reload", "caseworker", "").status()).isEqualTo(403);
        assertThat(api.post("/api/rulesets/validate", "caseworker", "").status())
                .isEqualTo(403);
    }

    @Test
    void aReloadUnderLoadLosesAndFailsNoPreviewAndEachAnswerHasOneVersion() throws Exception {
        String oldVersion = activeVersion();
        ObjectNode household = HouseholdJson.household(newHouseholdId());
        Set<String> versions = ConcurrentHashMap.newKeySet();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clients.add(load.submit(() -> {
                while (!stop.get()) {
                    Api.Response response = preview(household, "2020-06-30");
                    statuses.add(response.status());
                    if (response.status() == 200) {
                        versions.add(response.json().get("rulesetVersion").asString());
                    }
                }
            }));
        }
        Thread.sleep(1000);
        edit(
                "standards.yaml",
                NEW_DIBAO_VALUE,
                NEW_DIBAO_VALUE + "    - { since: 2030-01-01, value: 9000, reference: \"测试用值\" }\n");
        assertThat(api.post("/api/rulesets/reload", "policy", "").status()).isEqualTo(200);
        Thread.sleep(1000);
        stop.set(true);
        for (Future<?> client : clients) {
            client.get();
        }
        load.shutdown();
        String newVersion = activeVersion();
        assertThat(statuses).isNotEmpty().allMatch(s -> s == 200);
        assertThat(versions).containsExactlyInAnyOrder(oldVersion, newVersion);
    }

    long stale(String region) {
        return api.get("/api/reports/coverage?regionCode=" + region, "caseworker")
                .json()
                .get("blindSpots")
                .get("staleEvaluation")
                .asLong();
    }

    long staleListed(String region) {
        return api.get("/api/reports/blind-spots/stale-evaluation?regionCode=" + region, "caseworker")
                .json()
                .get("totalElements")
                .asLong();
    }

    @Test
    void anEditOfTheQualityRulesAloneLeavesEvaluationsCurrentAndAnEditOfAMeasureDoesNot() throws IOException {
        String region = "66" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        String id = region + "-" + UUID.randomUUID().toString().substring(0, 13);
        ObjectNode h = HouseholdJson.household(id).put("regionCode", region);
        assertThat(api.put("/api/households/" + id, "caseworker", h, null).status())
                .isEqualTo(201);
        assertThat(api.post("/api/households/" + id + "/evaluations?asOf=2020-06-30", "caseworker", "")
                        .status())
                .isEqualTo(201);
        assertThat(stale(region)).isZero();

        String evaluatedWith = activeVersion();
        edit("quality/members.drl", "户内没有与户主关系为“户主”的成员", "户内没有一名成员与户主关系为“户主”");
        assertThat(api.post("/api/rulesets/reload", "policy", "")
                        .json()
                        .get("activated")
                        .asBoolean())
                .isTrue();
        assertThat(activeVersion()).isNotEqualTo(evaluatedWith);
        assertThat(stale(region)).as("only the quality rules changed").isZero();
        assertThat(staleListed(region)).isZero();

        edit("water.drl", "\"家庭尚未实现安全饮水\"", "\"该户尚未实现安全饮水\"");
        assertThat(api.post("/api/rulesets/reload", "policy", "")
                        .json()
                        .get("activated")
                        .asBoolean())
                .isTrue();
        assertThat(stale(region)).as("a rule deciding measures changed").isEqualTo(1);
        assertThat(staleListed(region)).isEqualTo(1);
    }
}
