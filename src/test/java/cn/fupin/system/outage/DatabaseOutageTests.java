package cn.fupin.system.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.fupin.FupinApplication;
import cn.fupin.household.HouseholdJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The province's database goes away and comes back (a real MariaDB server of the test's own, killed and
 * started again): meanwhile every request is answered 503 with Retry-After, signed-in users included, and
 * readiness is DOWN; afterwards the service answers as before, without a restart, and a run the outage broke
 * off resumes by itself where it left off, each household evaluated exactly once. Part of the MySQL run.
 */
class DatabaseOutageTests {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static OwnMariaDb db;
    static ConfigurableApplicationContext service;

    @BeforeAll
    static void aServiceOnADatabaseOfItsOwn() throws Exception {
        assumeTrue(System.getProperty("spring.profiles.active", "").contains("mysql"), "the MySQL run (-Pmysql)");
        assumeTrue(OwnMariaDb.available(), "mariadbd and mariadb-install-db on this machine");
        db = OwnMariaDb.create();
        service = new SpringApplicationBuilder(FupinApplication.class)
                .logStartupInfo(false)
                .run(
                        "--spring.profiles.active=mysql",
                        "--server.port=0",
                        "--spring.datasource.url=" + db.url("fupin"),
                        "--spring.datasource.username=root",
                        "--spring.datasource.password=",
                        "--app.personal-data.key-file=target/test-data/outage.keys",
                        "--app.personal-data.create-key-file=true",
                        "--app.security.users.clerk.password={noop}clerk-secret-1",
                        "--app.security.users.clerk.roles=CASEWORKER",
                        "--app.security.users.clerk.region-prefix=52",
                        "--app.security.users.chief.password={noop}chief-secret-1",
                        "--app.security.users.chief.roles=ADMIN",
                        "--app.security.users.planner.password={noop}planner-secret-1",
                        "--app.security.users.planner.roles=POLICY,CASEWORKER",
                        "--app.security.users.planner.region-prefix=52",
                        // Small chunks on one thread: the run lasts long enough to lose its database half-way.
                        "--app.reevaluation.chunk-size=20",
                        "--app.reevaluation.threads=1");
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (db != null) {
            db.close();
        }
    }

    static HttpResponse<String> get(String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + service.getEnvironment().getRequiredProperty("local.server.port") + path));
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String credentials, String contentType, String body)
            throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + service.getEnvironment().getRequiredProperty("local.server.port") + path))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRunBrokenOffByTheDatabaseResumesByItselfAndEvaluatesEachHouseholdOnce() throws Exception {
        int households = 1500;
        String ndjson = IntStream.range(0, households)
                .mapToObj(i -> HouseholdJson.household(String.format("520103-%06d", i))
                        .put("regionCode", "520103")
                        .toString()
                        .replace("520102-", "520103-"))
                .collect(Collectors.joining("\n"));
        HttpResponse<String> imported =
                post("/api/households/import", "planner:planner-secret-1", "application/x-ndjson", ndjson);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(JSON.readTree(imported.body()).get("stored").asInt()).isEqualTo(households);

        HttpResponse<String> started = post(
                "/api/reevaluations",
                "planner:planner-secret-1",
                "application/json",
                "{\"asOf\": \"2020-06-30\", \"regionCode\": \"520103\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String run = JSON.readTree(started.body()).get("reevaluationId").asString();
        JsonNode progress = awaitProgress(run, p -> p.get("processed").asInt() >= 200);
        assertThat(progress.get("state").asString())
                .as("still running when the database goes")
                .isEqualTo("RUNNING");

        db.kill();
        Thread.sleep(20_000);
        db.start();

        JsonNode done = awaitProgress(run, p -> p.get("state").asString().equals("COMPLETED"));
        assertThat(done.get("processed").asInt()).isEqualTo(households);
        try (var connection = DriverManager.getConnection(db.url("fupin"), "root", "");
                var counts = connection.prepareStatement(
                        "SELECT COUNT(*), COUNT(DISTINCT household_id) FROM run_evaluation WHERE reevaluation_id = ?")) {
            counts.setString(1, run);
            try (var rs = counts.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("evaluations recorded by the run").isEqualTo(households);
                assertThat(rs.getInt(2)).as("households evaluated").isEqualTo(households);
            }
        }
    }

    private static JsonNode awaitProgress(String run, Predicate<JsonNode> until) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = get("/api/reevaluations/" + run, "planner:planner-secret-1");
            if (answer.statusCode() == 200) {
                last = JSON.readTree(answer.body());
                if (until.test(last)) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + run + " did not get there in 4 minutes; last seen " + last);
    }

    @Test
    void whileTheDatabaseIsAwayEveryRequestIs503WithRetryAfterAndReadinessIsDown() throws Exception {
        assertThat(get("/api/me", "clerk:clerk-secret-1").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);

        db.kill();
        try {
            // Signed in a moment ago (the password remembered), and signing in afresh: neither is told 401.
            for (String credentials : new String[] {"clerk:clerk-secret-1", "chief:chief-secret-1"}) {
                HttpResponse<String> away = get("/api/me", credentials);
                assertThat(away.statusCode()).as(credentials).isEqualTo(503);
                assertThat(away.headers().firstValue("Retry-After")).isPresent();
                assertThat(away.headers().firstValue("Content-Type").orElseThrow())
                        .startsWith("application/problem+json");
            }
            HttpResponse<String> read = get("/api/households?regionCode=52", "clerk:clerk-secret-1");
            assertThat(read.statusCode()).isEqualTo(503);
            assertThat(read.body()).contains("Database unavailable");
            HttpResponse<String> readiness = get("/actuator/health/readiness", null);
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("DOWN");
        } finally {
            db.start();
        }

        assertThat(get("/api/me", "clerk:clerk-secret-1").statusCode()).isEqualTo(200);
        assertThat(get("/api/households?regionCode=52", "clerk:clerk-secret-1").statusCode())
                .isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }
}
