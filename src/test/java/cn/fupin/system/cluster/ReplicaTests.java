package cn.fupin.system.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.fupin.household.synthetic.ProvinceGenerator;
import cn.fupin.policy.RulesCopy;
import cn.fupin.system.Instances;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two service instances on one database, each with its own copy of the rules folder, on different ports and
 * with RabbitMQ between them (.ci/run starts the broker): a reload on either brings both to the same version;
 * an instance whose folder gives another version keeps its rules; a re-evaluation started on one is seen, stopped
 * and resumed from the other. Apart from these two, a manager and a worker split a re-evaluation through the
 * broker.
 */
class ReplicaTests {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String CASEWORKER_PASSWORD = "replica-caseworker";
    static final String POLICY_PASSWORD = "replica-policy";

    static Path rulesA;
    static Path rulesB;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoInstances() {
        assumeTrue(Instances.brokerListening(), "RabbitMQ on 127.0.0.1:5672 (.ci/run starts it)");
        rulesA = RulesCopy.create(true);
        rulesB = RulesCopy.create(true);
        a = start(rulesA);
        b = start(rulesB);
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void aReloadOnEitherInstanceBringsTheOtherToTheSameVersion() throws Exception {
        assertThat(version(b)).isEqualTo(version(a));

        String before = version(a);
        rollOut("// rolled out to both, reloaded on A\n", rulesA, rulesB);
        assertThat(reload(a)).isEqualTo(200);
        assertThat(version(a)).isNotEqualTo(before);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(version(b)).isEqualTo(version(a)));

        String second = version(b);
        rollOut("// rolled out to both, reloaded on B\n", rulesA, rulesB);
        assertThat(reload(b)).isEqualTo(200);
        assertThat(version(b)).isNotEqualTo(second);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(version(a)).isEqualTo(version(b)));
    }

    @Test
    void anInstanceWhoseFolderDiffersKeepsItsRulesUntilItsFolderIsUpdated() throws Exception {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(version(b)).isEqualTo(version(a)));
        String shared = version(b);
        rollOut("// the change, on A\n", rulesA);
        rollOut("// another change, on B only\n", rulesB); // B's folder now gives a third version
        assertThat(reload(a)).isEqualTo(200);
        assertThat(version(a)).isNotEqualTo(shared);
        Thread.sleep(3_000); // B hears the announcement and finds that its folder gives neither version
        assertThat(version(b)).as("B follows only the version announced").isEqualTo(shared);
        Files.copy(rulesA.resolve("water.drl"), rulesB.resolve("water.drl"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(reload(b)).isEqualTo(200); // the rollout reaches B; its own reload catches up
        assertThat(version(b)).isEqualTo(version(a));
    }

    @Test
    void aRunStartedOnOneInstanceIsSeenStoppedAndResumedFromTheOther() throws Exception {
        int households = importProvince(a);

        HttpResponse<String> started = post(a, "/api/reevaluations", "{\"asOf\": \"2020-06-30\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = JSON.readTree(started.body()).get("reevaluationId").asString();
        assertThat(post(b, "/api/reevaluations/" + id + "/stop", "").statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(run(b, id).get("state").asString()).isEqualTo("STOPPED"));
        assertThat(run(a, id).get("processed").asLong())
                .as("households done before the stop")
                .isLessThan(households);

        assertThat(post(b, "/api/reevaluations/" + id + "/resume", "").statusCode())
                .isIn(200, 202);
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(
                        () -> assertThat(run(a, id).get("state").asString()).isEqualTo("COMPLETED"));
        assertThat(run(a, id).get("processed").asLong()).isEqualTo(households);
    }

    @Test
    void aRunOnAManagerIsDoneByWorkerProcessesThroughTheBroker() throws Exception {
        Path rules = RulesCopy.create(true);
        // A queue of this test's own: other test runs share the broker.
        String queue = "fupin.test.replicas." + UUID.randomUUID().toString().substring(0, 8);
        ConfigurableApplicationContext manager = start(
                rules,
                "remote",
                "--app.reevaluation.remote=true",
                "--app.reevaluation.ranges=4",
                "--app.reevaluation.queue=" + queue);
        ConfigurableApplicationContext worker =
                start(rules, "remote", "--app.reevaluation.worker=true", "--app.reevaluation.queue=" + queue);
        try {
            int households = importProvince(manager);
            HttpResponse<String> started = post(manager, "/api/reevaluations", "{\"asOf\": \"2020-06-30\"}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String id = JSON.readTree(started.body()).get("reevaluationId").asString();
            await().atMost(Duration.ofSeconds(180))
                    .untilAsserted(() ->
                            assertThat(run(manager, id).get("state").asString()).isEqualTo("COMPLETED"));
            assertThat(run(manager, id).get("processed").asLong()).isEqualTo(households);
            JdbcTemplate jdbc = manager.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(DISTINCT household_id) FROM run_evaluation WHERE reevaluation_id = ?",
                            Long.class,
                            id))
                    .as("households evaluated, each once")
                    .isEqualTo(households)
                    .isEqualTo(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM run_evaluation WHERE reevaluation_id = ?", Long.class, id));
            assertThat(jdbc.queryForObject("""
                    SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'reevaluate-households:%'
                    """, Long.class))
                    .as("ranges run by the worker")
                    .isEqualTo(4);
        } finally {
            AmqpAdmin admin = manager.getBean(AmqpAdmin.class);
            admin.deleteQueue(queue);
            admin.deleteQueue(queue + ".rejected");
            worker.close();
            manager.close();
        }
    }

    private static int importProvince(ConfigurableApplicationContext instance) throws Exception {
        StringWriter province = new StringWriter();
        int households = new ProvinceGenerator(11).generate(30_000, province).households();
        HttpResponse<String> imported = HTTP.send(
                request(instance, "/api/households/import", "caseworker:" + CASEWORKER_PASSWORD)
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(province.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        return households;
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext instance, String path, String body)
            throws Exception {
        return HTTP.send(
                request(instance, path, "policy:" + POLICY_PASSWORD)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode run(ConfigurableApplicationContext instance, String id) throws Exception {
        HttpResponse<String> response = HTTP.send(
                request(instance, "/api/reevaluations/" + id, "policy:" + POLICY_PASSWORD)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static ConfigurableApplicationContext start(Path rules) {
        return start(rules, "replicas", "--app.cluster.enabled=true");
    }

    /**
     * An instance with its own rules folder on the in-memory database {@code database}. A profile of its own, in
     * the H2 run and the MySQL run alike: that database, and users of its own (outside the embedded default,
     * demo passwords are refused). Small chunks on one thread: a run lasts long enough to be stopped.
     */
    private static ConfigurableApplicationContext start(Path rules, String database, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=replicas",
                "--app.rules-dir=" + rules,
                "--app.security.users.caseworker.password={noop}" + CASEWORKER_PASSWORD,
                "--app.security.users.caseworker.roles=CASEWORKER",
                "--app.security.users.policy.password={noop}" + POLICY_PASSWORD,
                "--app.security.users.policy.roles=POLICY,CASEWORKER",
                "--app.security.users.admin.password={noop}replica-admin",
                "--app.security.users.admin.roles=ADMIN,POLICY,CASEWORKER",
                "--app.reevaluation.chunk-size=50",
                "--app.reevaluation.threads=1",
                "--spring.datasource.url=jdbc:h2:mem:" + database + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                        + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"));
        args.addAll(List.of(settings));
        return Instances.start(args.toArray(String[]::new));
    }

    private static void rollOut(String line, Path... folders) throws IOException {
        for (Path folder : folders) {
            Files.writeString(folder.resolve("water.drl"), line, StandardOpenOption.APPEND);
        }
    }

    private static String version(ConfigurableApplicationContext instance) throws Exception {
        HttpResponse<String> response = HTTP.send(
                request(instance, "/api/rulesets/active", "caseworker:" + CASEWORKER_PASSWORD)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).get("version").asString();
    }

    private static int reload(ConfigurableApplicationContext instance) throws Exception {
        return HTTP.send(
                        request(instance, "/api/rulesets/reload", "policy:" + POLICY_PASSWORD)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static HttpRequest.Builder request(ConfigurableApplicationContext instance, String path, String user) {
        String port = instance.getEnvironment().getProperty("local.server.port");
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
    }
}
