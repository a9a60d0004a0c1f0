package cn.fupin.system;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's session: signed in with the form, it reads; a request riding on it must carry the CSRF token. */
class BrowserSessionTests extends ApiTestBase {

    @Test
    void aSessionFromTheSignInFormReadsButCannotPostWithoutTheCsrfToken() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port;
        String password = environment.getProperty("app.security.users.policy.password").replace("{noop}", "");
        HttpResponse<String> signIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=policy&password=" + password)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/");

        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"policy\"", "POLICY");

        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/reevaluations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"dryRun\": true}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("no CSRF token with the session cookie").isEqualTo(403);

        HttpResponse<String> wrongPassword = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=policy&password=wrong")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongPassword.headers().firstValue("Location").orElseThrow()).endsWith("/login.html?error");
    }
}
