package cn.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's session: signed in with the form (which carries the CSRF token), it reads; a request riding
 * on it without the token is refused, whatever other header it carries; API clients hold no session.
 */
class BrowserSessionTests extends ApiTestBase {

    HttpClient browser =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    String base() {
        return "http://localhost:" + port;
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The sign-in form's CSRF token, as a browser reads it from the page. */
    String formToken() throws Exception {
        String page = send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                        .header("Accept", "text/html")
                        .GET()
                        .build())
                .body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
        return token.group(1);
    }

    HttpResponse<String> signIn(String password) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=policy&password=" + password + "&_csrf=" + formToken()))
                .build());
    }

    @Test
    void aWrongPasswordThenTheRightOneSignsInAndTheSessionCannotPostWithoutTheToken() throws Exception {
        String password =
                environment.getProperty("app.security.users.policy.password").replace("{noop}", "");
        HttpResponse<String> wrong = signIn("wrong");
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        HttpResponse<String> right = signIn(password);
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(right.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        HttpResponse<String> me = send(
                HttpRequest.newBuilder(URI.create(base() + "/api/me")).GET().build());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"policy\"", "POLICY");

        for (String header : new String[] {null, "Bearer x"}) {
            HttpRequest.Builder forged = HttpRequest.newBuilder(URI.create(base() + "/api/reevaluations"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"dryRun\": true}"));
            if (header != null) {
                forged.header("Authorization", header);
            }
            HttpResponse<String> response = send(forged.build());
            assertThat(response.statusCode())
                    .as("with the session cookie, Authorization: " + header)
                    .isIn(401, 403);
        }
    }

    @Test
    void aSignInPostedFromElsewhereWithoutTheFormsTokenIsRefused() throws Exception {
        HttpResponse<String> forged = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("username=policy&password=x"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void aSignedOutApiClientIsChallengedForBasicButTheDashboardsOwnCallsAreNot() {
        Api.Response client = api.send(api.request("/api/me", null).GET().build());
        assertThat(client.status()).isEqualTo(401);
        assertThat(client.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"fupin\"");
        Api.Response dashboard = api.send(api.request("/api/me", null)
                .header("X-Requested-With", "dashboard")
                .GET()
                .build());
        assertThat(dashboard.status()).isEqualTo(401);
        assertThat(dashboard.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void apiClientsSigningInWithBasicHoldNoSession() {
        Api.Response response = api.get("/api/me", "caseworker");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }
}
