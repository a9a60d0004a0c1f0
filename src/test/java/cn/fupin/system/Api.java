package cn.fupin.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests that talk to the running service over a real socket. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    public record Response(int status, String contentType, String body, HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final int port;
    private final Environment environment;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();

    /** The users' passwords are read from the configuration the service runs with (demo ones on H2). */
    public Api(int port, Environment environment) {
        this.port = port;
        this.environment = environment;
    }

    /** The client every request goes through, for a test that reads an answer as it streams. */
    public HttpClient client() {
        return CLIENT;
    }

    public Response put(String path, String user, Object body, String ifMatch) {
        HttpRequest.Builder request = request(path, user)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request.build());
    }

    public Response patch(String path, String user, Object body) {
        return send(request(path, user)
                .header("Content-Type", "application/json")
                .method(
                        "PATCH",
                        HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                .build());
    }

    public Response get(String path, String user) {
        return send(request(path, user).GET().build());
    }

    public Response post(String path, String user, String body) {
        return send(request(path, user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    public Response postNdjson(String path, String user, String body) {
        return send(request(path, user)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    public Response post(String path, String user, Object body) {
        return post(path, user, JSON.writeValueAsString(body));
    }

    /**
     * Creates a user through the API as admin (201 expected) and signs in as it from then on; the password is
     * one a test would not guess by accident.
     */
    public String createUser(String username, String regionPrefix, String... roles) {
        String password = "pw-" + username + "-9f3k";
        var body = JSON.createObjectNode().put("username", username).put("password", password);
        if (regionPrefix != null) {
            body.put("regionPrefix", regionPrefix);
        }
        var list = body.putArray("roles");
        for (String role : roles) {
            list.add(role);
        }
        Response created = post("/api/users", "admin", body);
        if (created.status() != 201) {
            throw new AssertionError("creating user " + username + ": " + created.status() + " " + created.body());
        }
        passwords.put(username, password);
        return password;
    }

    /** Signs in as this user with this password from now on. */
    public void password(String username, String password) {
        passwords.put(username, password);
    }

    public HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            String password = passwords.containsKey(user)
                    ? passwords.get(user)
                    : environment
                            .getProperty("app.security.users." + user + ".password", "")
                            .replace("{noop}", "");
            builder.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a bulk run as the policy user and waits, up to two minutes, for it to complete; its last progress. */
    public JsonNode completedRun(Object body) {
        Response started = post("/api/reevaluations", "policy", body);
        if (started.status() != 202) {
            throw new AssertionError("the run was not started: " + started.status() + " " + started.body());
        }
        String id = started.json().get("reevaluationId").asString();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode progress = get("/api/reevaluations/" + id, "policy").json();
            if (!progress.get("state").asString().equals("RUNNING")) {
                if (!progress.get("state").asString().equals("COMPLETED")) {
                    throw new AssertionError("run " + id + " ended as " + progress);
                }
                return progress;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("run " + id + " did not end in two minutes");
    }
}
