package cn.fupin.system.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.system.Instances;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An ADMIN's change to a user, made on one instance, applies at that user's next request on another instance
 * sharing the database: to an HTTP Basic client whose password that instance has remembered, and to a
 * dashboard session signed in there. No broker: the database is all the two instances share, and each
 * request reads its account there. {@link AccountChangeAnnouncedTests} runs the same with the change announced
 * over a real broker and accounts kept between requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountChangeAcrossInstancesTests {

    static final String ADMIN = "chief:chief-secret-1";
    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;

    @BeforeAll
    void twoInstancesOnOneDatabase() {
        String database = "accounts-" + UUID.randomUUID();
        a = start(database);
        b = start(database);
    }

    @AfterAll
    void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    /** Arguments of both instances besides the database and the ADMIN. */
    List<String> settings() {
        return List.of("--spring.profiles.active=instances");
    }

    /**
     * The status a request gets once the change made on the other instance applies: at once here (it reads the
     * account); where the change is announced, as soon as it is heard.
     */
    void eventually(Callable<Integer> request, int status) throws Exception {
        assertThat(request.call()).isEqualTo(status);
    }

    private ConfigurableApplicationContext start(String database) {
        List<String> args = new ArrayList<>(settings());
        args.add("--app.security.users.chief.password={noop}chief-secret-1");
        args.add("--app.security.users.chief.roles=ADMIN");
        args.add("--spring.datasource.url=jdbc:h2:mem:" + database + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        return Instances.start(args.toArray(String[]::new));
    }

    String base(ConfigurableApplicationContext instance) {
        return "http://127.0.0.1:" + instance.getEnvironment().getRequiredProperty("local.server.port");
    }

    HttpRequest.Builder basic(ConfigurableApplicationContext instance, String path, String credentials) {
        return HttpRequest.newBuilder(URI.create(base(instance) + path))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    int get(ConfigurableApplicationContext instance, String path, String credentials) throws Exception {
        return send(
                        HttpClient.newHttpClient(),
                        basic(instance, path, credentials).GET().build())
                .statusCode();
    }

    /** A user of county 520102, created through instance A. */
    String clerk(String roles) throws Exception {
        String name = "clerk-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = send(
                HttpClient.newHttpClient(),
                basic(a, "/api/users", ADMIN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\": \"" + name + "\", \"password\": \"clerk-secret-1\", \"roles\": " + roles
                                        + ", \"regionPrefix\": \"520102\"}"))
                        .build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return name;
    }

    /** The change, made through instance B. */
    void changeOnB(String user, String json) throws Exception {
        HttpResponse<String> changed = send(
                HttpClient.newHttpClient(),
                basic(b, "/api/users/" + user, ADMIN)
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                        .build());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }

    @Test
    void aUserDemotedOnOneInstanceLosesTheRoleAtTheNextRequestOnTheOther() throws Exception {
        String user = clerk("[\"POLICY\", \"CASEWORKER\"]");
        assertThat(get(a, "/api/reevaluations", user + ":clerk-secret-1")).isEqualTo(200);
        assertThat(get(a, "/api/reevaluations", user + ":clerk-secret-1"))
                .as("remembered")
                .isEqualTo(200);
        changeOnB(user, "{\"roles\": [\"CASEWORKER\"]}");
        eventually(() -> get(a, "/api/reevaluations", user + ":clerk-secret-1"), 403);
        assertThat(get(a, "/api/households?regionCode=520102", user + ":clerk-secret-1"))
                .isEqualTo(200);
    }

    @Test
    void aUserDisabledOrGivenANewPasswordOnOneInstanceIsRefusedAtTheNextRequestOnTheOther() throws Exception {
        String user = clerk("[\"CASEWORKER\"]");
        assertThat(get(a, "/api/me", user + ":clerk-secret-1")).isEqualTo(200);
        changeOnB(user, "{\"password\": \"clerk-secret-2\"}");
        eventually(() -> get(a, "/api/me", user + ":clerk-secret-1"), 401);
        assertThat(get(a, "/api/me", user + ":clerk-secret-2")).isEqualTo(200);
        changeOnB(user, "{\"enabled\": false}");
        eventually(() -> get(a, "/api/me", user + ":clerk-secret-2"), 401);
    }

    @Test
    void aDashboardSessionEndsAtItsNextRequestOnceTheUserIsChangedOnAnotherInstance() throws Exception {
        String user = clerk("[\"POLICY\", \"CASEWORKER\"]");
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = send(
                        browser,
                        HttpRequest.newBuilder(URI.create(base(a) + "/login"))
                                .header("Accept", "text/html")
                                .GET()
                                .build())
                .body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        HttpResponse<String> signedIn = send(
                browser,
                HttpRequest.newBuilder(URI.create(base(a) + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=" + user + "&password=clerk-secret-1&_csrf=" + token.group(1)))
                        .build());
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        HttpRequest me = HttpRequest.newBuilder(URI.create(base(a) + "/api/me"))
                .header("X-Requested-With", "fetch")
                .GET()
                .build();
        HttpResponse<String> before = send(browser, me);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).contains("POLICY");

        changeOnB(user, "{\"roles\": [\"CASEWORKER\"]}");

        eventually(() -> send(browser, me).statusCode(), 401);
        HttpResponse<String> dashboard = send(
                browser,
                HttpRequest.newBuilder(URI.create(base(a) + "/"))
                        .header("Accept", "text/html")
                        .GET()
                        .build());
        assertThat(dashboard.statusCode()).isEqualTo(302);
        assertThat(dashboard.headers().firstValue("Location").orElseThrow()).contains("/login");
    }
}
