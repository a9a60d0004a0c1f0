package cn.fupin.system.outage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import cn.fupin.FupinApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The province's database goes away and comes back (a real MariaDB server of the test's own, killed and
 * started again): meanwhile every request is answered 503 with Retry-After, signed-in users included, and
 * readiness is DOWN; afterwards the service answers as before, without a restart. Part of the MySQL run.
 */
class DatabaseOutageTests {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static OwnMariaDb db;
    static ConfigurableApplicationContext service;

    @BeforeAll
    static void aServiceOnADatabaseOfItsOwn() throws Exception {
        assumeTrue(System.getProperty("spring.profiles.active", "").contains("mysql"), "the MySQL run (-Pmysql)");
        assumeTrue(OwnMariaDb.available(), "mariadbd and mariadb-install-db on this machine");
        db = OwnMariaDb.create();
        service = new SpringApplicationBuilder(FupinApplication.class).logStartupInfo(false).run(
                "--spring.profiles.active=mysql", "--server.port=0", "--spring.datasource.url=" + db.url("fupin"),
                "--spring.datasource.username=root", "--spring.datasource.password=",
                "--app.personal-data.key-file=target/test-data/outage.keys", "--app.personal-data.create-key-file=true",
                "--app.security.users.clerk.password={noop}clerk-secret-1", "--app.security.users.clerk.roles=CASEWORKER",
                "--app.security.users.clerk.region-prefix=52",
                "--app.security.users.chief.password={noop}chief-secret-1", "--app.security.users.chief.roles=ADMIN");
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + service.getEnvironment().getRequiredProperty("local.server.port") + path));
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
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
                assertThat(away.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
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
        assertThat(get("/api/households?regionCode=52", "clerk:clerk-secret-1").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }
}
