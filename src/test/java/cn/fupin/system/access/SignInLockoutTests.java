package cn.fupin.system.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Five failed sign-ins in a row lock an account for 15 minutes, even against the right password. */
class SignInLockoutTests extends ApiTestBase {

    String user;
    String password;

    void aCaseWorker() {
        user = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        password = api.createUser(user, "520102", "CASEWORKER");
    }

    int signIn(String withPassword) {
        api.password(user, withPassword);
        return api.get("/api/me", user).status();
    }

    @Test
    void fiveWrongPasswordsInARowLockTheAccount() {
        aCaseWorker();
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("wrong-" + i)).isEqualTo(401);
        }
        assertThat(signIn(password)).as("the right password, while locked").isEqualTo(401);
        assertThat(api.get("/api/users/" + user, "admin").json().get("locked").asBoolean())
                .isTrue();
        assertThat(api.get("/api/users/" + user, "admin")
                        .json()
                        .get("lockedUntil")
                        .isNull())
                .isFalse();
    }

    @Test
    void fourWrongPasswordsThenTheRightOneStartTheCountAgain() {
        aCaseWorker();
        for (int i = 0; i < 4; i++) {
            assertThat(signIn("wrong-" + i)).isEqualTo(401);
        }
        assertThat(signIn(password)).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(signIn("wrong-" + i)).isEqualTo(401);
        }
        assertThat(signIn(password)).isEqualTo(200);
    }

    @Test
    void anAdminLiftsALock() {
        aCaseWorker();
        for (int i = 0; i < 5; i++) {
            signIn("wrong-" + i);
        }
        assertThat(signIn(password)).isEqualTo(401);
        assertThat(api.patch(
                                "/api/users/" + user,
                                "admin",
                                Api.JSON.createObjectNode().put("locked", false))
                        .status())
                .isEqualTo(200);
        assertThat(signIn(password)).isEqualTo(200);
    }

    @Test
    void aRememberedSignInDoesNotOutliveTheLock() {
        aCaseWorker();
        assertThat(signIn(password)).isEqualTo(200); // remembered for a few minutes from now on
        for (int i = 0; i < 5; i++) {
            signIn("wrong-" + i);
        }
        assertThat(signIn(password)).isEqualTo(401);
    }
}
