package cn.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.household.HouseholdJson;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Writes beyond a user's rate are refused with 429; reads and other users go on. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "app.rate-limit.writes-per-second=3")
class RateLimitTests extends ApiTestBase {

    @Test
    void aUserWritingFasterThanTheLimitIsToldToWait() {
        String id = newHouseholdId();
        int limited = 0;
        Api.Response last = null;
        for (int i = 0; i < 10; i++) {
            last = api.put("/api/households/" + id, "caseworker", HouseholdJson.household(id), null);
            if (last.status() == 429) {
                limited++;
                assertThat(last.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(last.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(limited).as("ten writes at once against three a second").isGreaterThanOrEqualTo(5);
        assertThat(api.get("/api/households/" + id, "caseworker").status())
                .as("reads are not limited")
                .isEqualTo(200);
        assertThat(api.put("/api/households/" + id, "policy", HouseholdJson.household(id), null)
                        .status())
                .as("another user has a limit of their own")
                .isIn(200, 201);
    }
}
