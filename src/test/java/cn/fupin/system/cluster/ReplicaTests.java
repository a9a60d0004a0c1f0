package cn.fupin.system.cluster;

import java.io.IOException;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.Base64;

import cn.fupin.FupinApplication;
import cn.fupin.household.synthetic.ProvinceGenerator;
import cn.fupin.policy.RulesCopy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two service instances on one database, each with its own copy of the rules folder, on different ports and
 * with RabbitMQ between them (.ci/run starts the broker): a reload on either brings both to the same version;
 * an instance whose folder gives another version keeps its rules; a re-evaluation started on one is seen, stopped
 * and resumed from the other.
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
        assumeTrue(brokerListening(), "RabbitMQ on 127.0.0.1:5672 (.ci/run starts it)");
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
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(version(b)).isEqualTo(version(a)));

        String second = version(b);
        rollOut("// rolled out to both, reloaded on B\n", rulesA, rulesB);
        assertThat(reload(b)).isEqualTo(200);
        assertThat(version(b)).isNotEqualTo(second);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(version(a)).isEqualTo(version(b)));
    }

    @Test
    void anInstanceWhoseFolderDiffersKeepsItsRulesUntilItsFolderIsUpdated() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(version(b)).isEqualTo(version(a)));
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
        StringWriter province = new StringWriter();
        int households = new ProvinceGenerator(11).generate(30_000, province).households();
        HttpResponse<String> imported = HTTP.send(request(a, "/api/households/import", "caseworker:" + CASEWORKER_PASSWORD)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(province.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        HttpResponse<String> started = post(a, "/api/reevaluations", "{\"asOf\": \"2020-06-30\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = JSON.readTree(started.body()).get("reevaluationId").asString();
        assertThat(post(b, "/api/reevaluations/" + id + "/stop", "").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(run(b, id).get("state").asString())
                .isEqualTo("STOPPED"));
        assertThat(run(a, id).get("processed").asLong()).as("households done before the stop").isLessThan(households);

        assertThat(post(b, "/api/reevaluations/" + id + "/resume", "").statusCode()).isIn(200, 202);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(run(a, id).get("state").asString())
                .isEqualTo("COMPLETED"));
        assertThat(run(a, id).get("processed").asLong()).isEqualTo(households);
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext instance, String path, String body)
            throws Exception {
        return HTTP.send(request(instance, path, "policy:" + POLICY_PASSWORD).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static tools.jackson.databind.JsonNode run(ConfigurableApplicationContext instance, String id)
            throws Exception {
        HttpResponse<String> response = HTTP.send(request(instance, "/api/reevaluations/" + id,
                "policy:" + POLICY_PASSWORD).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static ConfigurableApplicationContext start(Path rules) {
        // A profile of their own, in the H2 run and the MySQL run alike: an in-memory database of their own, and
        // users of their own (outside the embedded default, demo passwords are refused).
        return new SpringApplicationBuilder(FupinApplication.class).run(
                "--spring.profiles.active=replicas", "--server.port=0", "--app.rules-dir=" + rules,
                "--app.cluster.enabled=true", "--app.security.users.caseworker.password={noop}" + CASEWORKER_PASSWORD,
                "--app.security.users.policy.password={noop}" + POLICY_PASSWORD,
                "--app.security.users.admin.password={noop}replica-admin",
                // Small chunks on one thread: the run lasts long enough to be stopped from the other instance.
                "--app.reevaluation.chunk-size=50", "--app.reevaluation.threads=1",
                "--spring.datasource.url=jdbc:h2:mem:replicas;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                        + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    }

    private static void rollOut(String line, Path... folders) throws IOException {
        for (Path folder : folders) {
            Files.writeString(folder.resolve("water.drl"), line, StandardOpenOption.APPEND);
        }
    }

    private static String version(ConfigurableApplicationContext instance) throws Exception {
        HttpResponse<String> response = HTTP.send(request(instance, "/api/rulesets/active", "caseworker:" + CASEWORKER_PASSWORD)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).get("version").asString();
    }

    private static int reload(ConfigurableApplicationContext instance) throws Exception {
        return HTTP.send(request(instance, "/api/rulesets/reload", "policy:" + POLICY_PASSWORD)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static HttpRequest.Builder request(ConfigurableApplicationContext instance, String path, String user) {
        String port = instance.getEnvironment().getProperty("local.server.port");
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean brokerListening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5672), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
