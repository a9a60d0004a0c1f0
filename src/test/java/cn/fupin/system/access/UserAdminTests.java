package cn.fupin.system.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** ADMIN manages users through the API; passwords are stored as hashes and never shown. */
class UserAdminTests extends ApiTestBase {

    static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ObjectNode user(String username, String regionPrefix, String... roles) {
        ObjectNode body = Api.JSON.createObjectNode().put("username", username).put("password", "long-enough-pw");
        if (regionPrefix != null) {
            body.put("regionPrefix", regionPrefix);
        }
        var list = body.putArray("roles");
        for (String role : roles) {
            list.add(role);
        }
        return body;
    }

    @Test
    void anAdminCreatesACountyCaseWorkerWhoCanSignIn() {
        String username = name("county");
        Api.Response created = api.post("/api/users", "admin", user(username, "520102", "CASEWORKER"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/users/" + username);
        JsonNode body = created.json();
        assertThat(body.get("regionPrefix").asString()).isEqualTo("520102");
        assertThat(body.has("password")).isFalse();
        assertThat(body.has("passwordHash")).isFalse();
        assertThat(created.body()).doesNotContain("long-enough-pw").doesNotContain("bcrypt");
        api.password(username, "long-enough-pw");
        assertThat(api.get("/api/me", username).json().get("roles").toString()).contains("CASEWORKER");
        assertThat(api.get("/api/users", "admin").body()).contains(username).doesNotContain("bcrypt");
    }

    @Test
    void everyBadFieldOfANewUserIsNamedAndNothingIsStored() {
        ObjectNode bad = Api.JSON
                .createObjectNode()
                .put("username", "a")
                .put("password", "short")
                .put("regionPrefix", "52x");
        bad.putArray("roles").add("CASEWORKER").add("KING");
        Api.Response refused = api.post("/api/users", "admin", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .contains("username", "password", "regionPrefix", "roles[1]");
        assertThat(api.get("/api/users/a", "admin").status()).isEqualTo(404);
    }

    @Test
    void aCaseWorkerOrPolicyUserNeedsARegion() {
        Api.Response refused = api.post("/api/users", "admin", user(name("nowhere"), null, "CASEWORKER"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("regionPrefix");
    }

    @Test
    void fieldsTheFormDoesNotOfferAreRefusedNotAssigned() {
        String username = name("sneaky");
        ObjectNode body = user(username, "520102", "CASEWORKER");
        body.put("failedSignIns", 0).put("lockedUntil", 0).put("passwordHash", "{noop}x");
        Api.Response refused = api.post("/api/users", "admin", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .contains("failedSignIns", "lockedUntil", "passwordHash");
        assertThat(api.get("/api/users/" + username, "admin").status()).isEqualTo(404);
    }

    @Test
    void aUsernameIsTakenOnce() {
        String username = name("twice");
        assertThat(api.post("/api/users", "admin", user(username, "52", "POLICY"))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/users", "admin", user(username, "52", "POLICY"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void onlyAnAdminManagesUsers() {
        assertThat(api.post("/api/users", "policy", user(name("x"), "52", "POLICY"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/users", "caseworker").status()).isEqualTo(403);
        assertThat(api.get("/api/users", null).status()).isEqualTo(401);
    }

    @Test
    void aChangedPasswordReplacesTheOldOneAtOnce() {
        String username = name("rotate");
        api.createUser(username, "520102", "CASEWORKER");
        assertThat(api.get("/api/me", username).status()).isEqualTo(200);
        assertThat(api.patch(
                                "/api/users/" + username,
                                "admin",
                                Api.JSON.createObjectNode().put("password", "a-new-password-1"))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/me", username).status())
                .as("the old password, remembered before")
                .isEqualTo(401);
        api.password(username, "a-new-password-1");
        assertThat(api.get("/api/me", username).status()).isEqualTo(200);
    }

    @Test
    void aLockCanBeLiftedButNotSetByHand() {
        String username = name("nolock");
        api.createUser(username, "520102", "CASEWORKER");
        Api.Response refused = api.patch(
                "/api/users/" + username, "admin", Api.JSON.createObjectNode().put("locked", true));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("enabled");
    }

    @Test
    void changingAnUnknownUserIs404() {
        assertThat(api.patch(
                                "/api/users/" + name("ghost"),
                                "admin",
                                Api.JSON.createObjectNode().put("enabled", false))
                        .status())
                .isEqualTo(404);
    }
}
