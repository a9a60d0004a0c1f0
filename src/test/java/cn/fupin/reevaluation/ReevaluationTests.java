package cn.fupin.reevaluation;

import static cn.fupin.reevaluation.ReevaluationFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.matching.ReferenceStandards;
import cn.fupin.policy.ActiveRuleSet;
import cn.fupin.policy.RulesCopy;
import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Bulk re-evaluation over real HTTP on the test database, with a copy of the rules folder that a test may
 * change and reload. Small chunks, so that every run has several.
 */
class ReevaluationTests extends ApiTestBase {

    static final Path RULES = RulesCopy.create(true);
    /** Where candidate rules folders may be taken from (app.reevaluation.candidates-root). */
    static final Path CANDIDATES = candidatesRoot();

    static final LocalDate AS_OF = LocalDate.parse("2020-06-30");
    /** After the dates the scenarios are set on, so that the raised standard passes the reload's gate. */
    static final LocalDate RAISED_AS_OF = LocalDate.parse("2022-06-30");

    static final String RAISED_DIBAO = "    - { since: 2022-06-01, value: 5200, reference: \"测试用值\" }\n";

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) {
        registry.add("app.rules-dir", RULES::toString);
        registry.add("app.reevaluation.chunk-size", () -> "7");
        registry.add("app.reevaluation.candidates-root", CANDIDATES::toString);
    }

    @Autowired
    ActiveRuleSet active;

    @Autowired
    JdbcTemplate jdbc;

    ReevaluationFixture fixture;
    String standardsFile;

    @BeforeEach
    void fixture() throws IOException {
        fixture = new ReevaluationFixture(api);
        standardsFile = Files.readString(RULES.resolve("standards.yaml"));
        assertThat(api.post("/api/rulesets/reload", "policy", "").status()).isEqualTo(200);
    }

    @AfterEach
    void untouchedRules() throws IOException {
        Files.writeString(RULES.resolve("standards.yaml"), standardsFile);
        assertThat(api.post("/api/rulesets/reload", "policy", "").status()).isEqualTo(200);
    }

    /** The standards of the test's rules folder, as the independent reading gives them. */
    ReferenceStandards standards() {
        return ReferenceStandards.of(RULES);
    }

    long evaluationsOfRun(String run) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM run_evaluation WHERE reevaluation_id = ?", Long.class, run);
    }

    @Test
    void aRunRecordsEveryHouseholdOnceWithWhatThePolicyGivesIt() {
        fixture.register(40, AS_OF);
        String run = fixture.start(body("asOf", AS_OF.toString(), "regionCode", fixture.region));
        JsonNode done = fixture.await(run);

        assertThat(done.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("total").asLong()).isEqualTo(40);
        assertThat(done.get("processed").asLong()).isEqualTo(40);
        assertThat(done.get("dryRun").asBoolean()).isFalse();
        assertThat(done.get("rulesetVersion").asString()).isEqualTo(active.get().version());
        assertThat(done.get("finishedAt").isNull()).isFalse();
        Map<String, Set<String>> expected = fixture.expected(standards(), AS_OF);
        assertThat(fixture.recorded()).isEqualTo(expected);
        assertThat(evaluationsOfRun(run)).isEqualTo(40);
        String someone = fixture.households.keySet().iterator().next();
        assertThat(api.get("/api/households/" + someone + "/evaluations", "caseworker")
                        .json()
                        .get(0)
                        .get("reevaluationId")
                        .asString())
                .isEqualTo(run);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(DISTINCT household_id) FROM run_evaluation WHERE reevaluation_id = ?",
                        Long.class,
                        run))
                .isEqualTo(40);
        // Nothing was recorded before: every measure is gained.
        Map<String, ReevaluationFixture.Diff> diff = ReevaluationFixture.diff(Map.of(), expected);
        assertThat(fixture.changes(run)).isEqualTo(diff);
        assertThat(done.get("changedHouseholds").asLong()).isEqualTo(diff.size());
        // The coverage kept beside the ledger follows a bulk run as it follows single evaluations.
        JsonNode coverage = api.get("/api/reports/coverage?regionCode=" + fixture.region, "caseworker")
                .json();
        assertThat(coverage.get("blindSpots").get("neverEvaluated").asLong()).isZero();
        long people = fixture.households.values().stream()
                .mapToLong(h -> h.members().size())
                .sum();
        assertThat(coverage.get("actions")
                        .valueStream()
                        .filter(a -> a.get("action").asString().equals("HEALTH"))
                        .findFirst()
                        .orElseThrow()
                        .get("targeted")
                        .asLong())
                .isPositive()
                .isLessThanOrEqualTo(people);
    }

    @Test
    void raisingTheDibaoStandardChangesWhatThePolicySaysAndTheDryRunForesawIt() throws IOException {
        fixture.register(60, RAISED_AS_OF);
        fixture.await(fixture.start(body("asOf", RAISED_AS_OF.toString(), "regionCode", fixture.region)));
        Map<String, Set<String>> before = fixture.recorded();
        // A case worker has accepted one measure of every household; statuses must survive the next run.
        List<String> accepted = new ArrayList<>();
        for (String id : fixture.households.keySet()) {
            JsonNode first = api.get("/api/households/" + id + "/recommendations", "caseworker")
                    .json()
                    .get(0);
            if (first != null) {
                fixture.accept(first.get("recommendationId").asString());
                accepted.add(first.get("recommendationId").asString());
            }
        }
        long evaluations = jdbc.queryForObject("SELECT COUNT(*) FROM evaluation", Long.class);
        long ledger = jdbc.queryForObject("SELECT COUNT(*) FROM recommendation", Long.class);

        String dryRun = fixture.start(body(
                "asOf",
                RAISED_AS_OF.toString(),
                "regionCode",
                fixture.region,
                "dryRun",
                true,
                "standards",
                Map.of("dibao_standard", Map.of("2022-06-01", 5200))));
        JsonNode simulated = fixture.await(dryRun);

        ReferenceStandards raised =
                standards().with("dibao_standard", LocalDate.parse("2022-06-01"), BigDecimal.valueOf(5200));
        Map<String, ReevaluationFixture.Diff> expected =
                ReevaluationFixture.diff(before, fixture.expected(raised, RAISED_AS_OF));
        assertThat(expected)
                .as("the change must move someone, or this test proves nothing")
                .isNotEmpty();
        assertThat(simulated.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(simulated.get("dryRun").asBoolean()).isTrue();
        assertThat(simulated.get("rulesetVersion").asString())
                .isNotEqualTo(active.get().version());
        assertThat(simulated.get("baseVersion").asString())
                .isEqualTo(active.get().version());
        assertThat(fixture.changes(dryRun)).isEqualTo(expected);
        assertThat(fixture.recorded()).as("a dry run records nothing").isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation", Long.class))
                .isEqualTo(evaluations);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recommendation", Long.class))
                .isEqualTo(ledger);

        // Policy staff adopt the change: the same value in the standards file, reloaded.
        RulesCopy.edit(
                RULES,
                "standards.yaml",
                "    - { since: 2020-01-01, value: 4500, reference: \"《省2020年脱贫攻坚十大专项行动方案》兜底保障专项行动：省级农村低保标准\" }\n",
                "    - { since: 2020-01-01, value: 4500, reference: \"《省2020年脱贫攻坚十大专项行动方案》兜底保障专项行动：省级农村低保标准\" }\n"
                        + RAISED_DIBAO);
        assertThat(api.post("/api/rulesets/reload", "policy", "").status()).isEqualTo(200);
        String real = fixture.start(body("asOf", RAISED_AS_OF.toString(), "regionCode", fixture.region));
        assertThat(fixture.await(real).get("state").asString()).isEqualTo("COMPLETED");

        assertThat(fixture.changes(real)).isEqualTo(fixture.changes(dryRun));
        assertThat(fixture.recorded()).isEqualTo(fixture.expected(standards(), RAISED_AS_OF));
        for (String id : accepted) {
            String status = jdbc.queryForObject(
                    "SELECT status FROM recommendation WHERE recommendation_id = ?", String.class, id);
            assertThat(status).isIn("ACCEPTED", "WITHDRAWN");
        }
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM recommendation WHERE status = 'WITHDRAWN' AND household_id LIKE ?",
                        Long.class,
                        fixture.region + "%"))
                .isEqualTo(expected.values().stream()
                        .mapToLong(d -> d.lost().size())
                        .sum());
    }

    @Test
    void aRunThatFailsMidwayLosesNothingAndResumingFinishesIt() {
        fixture.register(30, AS_OF);
        String broken = fixture.households.keySet().stream().toList().get(17);
        jdbc.update("UPDATE household SET status = 'UNREADABLE' WHERE household_id = ?", broken);
        String run = fixture.start(body("asOf", AS_OF.toString(), "regionCode", fixture.region));
        JsonNode failed = fixture.await(run);

        assertThat(failed.get("state").asString()).isEqualTo("FAILED");
        // The chunk holding the unreadable household was rolled back whole; every committed chunk counts.
        long processed = failed.get("processed").asLong();
        assertThat(processed).isLessThan(30).isEqualTo(evaluationsOfRun(run));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM run_evaluation WHERE reevaluation_id = ? AND household_id = ?",
                        Long.class,
                        run,
                        broken))
                .isZero();

        jdbc.update("UPDATE household SET status = 'POOR' WHERE household_id = ?", broken);
        fixture.households.computeIfPresent(
                broken,
                (id, h) -> new cn.fupin.household.Household(
                        h.householdId(),
                        h.regionCode(),
                        cn.fupin.household.HouseholdStatus.POOR,
                        h.incomePerCapita(),
                        h.housingGrade(),
                        h.safeDrinkingWater(),
                        h.roadAccess(),
                        h.industryProjects(),
                        h.linkedToEnterprise(),
                        h.causes(),
                        h.suddenHardship(),
                        h.members()));
        assertThat(api.post("/api/reevaluations/" + run + "/resume", "policy", "")
                        .status())
                .isEqualTo(200);
        JsonNode done = fixture.await(run);

        assertThat(done.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("processed").asLong()).isEqualTo(30);
        assertThat(evaluationsOfRun(run)).isEqualTo(30);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(DISTINCT household_id) FROM run_evaluation WHERE reevaluation_id = ?",
                        Long.class,
                        run))
                .isEqualTo(30);
        Map<String, Set<String>> expected = fixture.expected(standards(), AS_OF);
        assertThat(fixture.recorded()).isEqualTo(expected);
        assertThat(fixture.changes(run)).isEqualTo(ReevaluationFixture.diff(Map.of(), expected));
        assertThat(api.post("/api/reevaluations/" + run + "/resume", "policy", "")
                        .status())
                .as("a completed run cannot be resumed")
                .isEqualTo(409);
    }

    @Test
    void aCandidateRulesFolderIsSimulatedWithoutBeingActivated() throws IOException {
        LocalDate later = LocalDate.parse("2022-03-01");
        fixture.register(30, later);
        fixture.await(fixture.start(body("asOf", later.toString(), "regionCode", fixture.region)));
        Map<String, Set<String>> before = fixture.recorded();
        Path candidate = RulesCopy.into(Files.createDirectory(CANDIDATES.resolve("draft-2022")), true);
        RulesCopy.edit(
                candidate,
                "standards.yaml",
                "    - { since: 2020-01-01, value: 4500, reference: \"《省2020年脱贫攻坚十大专项行动方案》兜底保障专项行动：省级农村低保标准\" }\n",
                "    - { since: 2020-01-01, value: 4500, reference: \"《省2020年脱贫攻坚十大专项行动方案》兜底保障专项行动：省级农村低保标准\" }\n    - { since: 2022-01-01, value: 6500, reference: \"测试用值\" }\n");
        String activeVersion = active.get().version();

        String dryRun = fixture.start(
                body("asOf", later.toString(), "regionCode", fixture.region, "dryRun", true, "rulesDir", "draft-2022"));
        assertThat(fixture.await(dryRun).get("state").asString()).isEqualTo("COMPLETED");

        ReferenceStandards raised =
                standards().with("dibao_standard", LocalDate.parse("2022-01-01"), BigDecimal.valueOf(6500));
        Map<String, ReevaluationFixture.Diff> expected =
                ReevaluationFixture.diff(before, fixture.expected(raised, later));
        assertThat(expected).isNotEmpty();
        assertThat(fixture.changes(dryRun)).isEqualTo(expected);
        assertThat(active.get().version()).isEqualTo(activeVersion);
        assertThat(fixture.recorded()).isEqualTo(before);

        Files.writeString(candidate.resolve("health.drl"), "rule \"broken\" when then");
        Api422 refused = new Api422(api.post(
                "/api/reevaluations",
                "policy",
                body("dryRun", true, "rulesDir", candidate.toString(), "regionCode", fixture.region)));
        assertThat(refused.status).isEqualTo(422);
        assertThat(refused.body).contains("health.drl");
    }

    @Test
    void aCandidateFolderOutsideTheCandidatesRootIsRefusedAlikeWhetherItExistsOrNot() throws IOException {
        Path draft = RulesCopy.into(Files.createDirectory(CANDIDATES.resolve("draft-outside")), true);
        List<String> answers = new ArrayList<>();
        for (String dir : new String[] {
            RULES.toString(),
            "/etc",
            "/no/such/folder",
            "../" + RULES.getFileName(),
            "draft-outside/../../" + CANDIDATES.getFileName()
        }) {
            Api.Response refused = api.post("/api/reevaluations", "policy", body("dryRun", true, "rulesDir", dir));
            assertThat(refused.status()).as(dir).isEqualTo(400);
            answers.add(Api.JSON.readTree(refused.body()).get("errors").toString());
        }
        assertThat(answers)
                .as("one answer for folders that exist and folders that do not")
                .containsOnly(answers.get(0));
        Files.createSymbolicLink(CANDIDATES.resolve("link-out"), RULES);
        assertThat(api.post("/api/reevaluations", "policy", body("dryRun", true, "rulesDir", "link-out"))
                        .status())
                .as("a link out of the root")
                .isEqualTo(400);

        String county = "county-policy-" + UUID.randomUUID().toString().substring(0, 8);
        api.createUser(county, "520102", "POLICY");
        Api.Response countyAsks = api.post(
                "/api/reevaluations",
                county,
                body("dryRun", true, "rulesDir", draft.getFileName().toString(), "regionCode", "520102"));
        assertThat(countyAsks.status()).as("a county's POLICY user").isEqualTo(403);
    }

    static Path candidatesRoot() {
        try {
            return Files.createTempDirectory("rules-candidates-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Api422(int status, String body) {
        Api422(cn.fupin.system.Api.Response r) {
            this(r.status(), r.body());
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
