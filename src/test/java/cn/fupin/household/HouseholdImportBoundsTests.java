package cn.fupin.household;

import static cn.fupin.household.HouseholdImportExportTests.household;
import static cn.fupin.household.HouseholdImportExportTests.line;
import static cn.fupin.household.HouseholdImportExportTests.newRegion;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The import's bounds at their defaults (application.yaml): a line of at most 64 KB, 1,000,000 lines a
 * request, the first 1,000 rejected lines listed. Past each the import carries on or stops as the answer says.
 */
class HouseholdImportBoundsTests extends ApiTestBase {

    private static final int MAX_LINE_BYTES = 64 * 1024;

    private int status(ObjectNode household) {
        return api.get("/api/households/" + household.get("householdId").asString(), "caseworker")
                .status();
    }

    @Test
    void aLineOverTheLimitIsRejectedByNumberAndTheLinesAfterItAreImported() {
        String region = newRegion();
        ObjectNode first = household(region, 1);
        ObjectNode afterOne = household(region, 2);
        ObjectNode afterTwo = household(region, 3);
        // Valid JSON, so that only its length can reject it: a household with a name far too long.
        ObjectNode huge = household(region, 4);
        ((ObjectNode) huge.get("members").get(0)).put("name", "x".repeat(MAX_LINE_BYTES));
        String file = String.join("\n", line(first), line(huge), line(afterOne), line(afterTwo)) + "\n";

        Api.Response response = api.postNdjson("/api/households/import", "caseworker", file);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode outcome = response.json();
        assertThat(outcome.get("lines").asLong()).isEqualTo(4);
        assertThat(outcome.get("stored").asLong()).isEqualTo(3);
        assertThat(outcome.get("rejected").asLong()).isEqualTo(1);
        JsonNode rejected = outcome.get("rejectedLines").get(0);
        assertThat(rejected.get("line").asLong()).isEqualTo(2);
        assertThat(rejected.get("householdId").isNull())
                .as("nothing of the line is read")
                .isTrue();
        assertThat(rejected.get("errors").get(0).get("message").asString())
                .isEqualTo("is longer than " + MAX_LINE_BYTES + " bytes");
        assertThat(outcome.get("truncated").asBoolean()).isFalse();
        assertThat(status(first)).isEqualTo(200);
        assertThat(status(afterOne)).isEqualTo(200);
        assertThat(status(afterTwo)).isEqualTo(200);
        assertThat(status(huge)).isEqualTo(404);
    }

    @Test
    void linesPastTheLimitAreNotReadAndTheAnswerSaysFromWhichLine() {
        String region = newRegion();
        ObjectNode first = household(region, 1);
        ObjectNode last = household(region, 2);
        ObjectNode past = household(region, 3);
        // Blank lines count: the bound is on lines read, whatever they hold.
        String file = line(first) + "\n" + "\n".repeat(999_998) + line(last) + "\n" + line(past) + "\n";

        Api.Response response = api.postNdjson("/api/households/import", "caseworker", file);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode outcome = response.json();
        assertThat(outcome.get("lines").asLong()).isEqualTo(1_000_000);
        assertThat(outcome.get("stored").asLong()).isEqualTo(2);
        assertThat(outcome.get("rejected").asLong()).isZero();
        assertThat(outcome.get("truncated").asBoolean()).isTrue();
        assertThat(outcome.get("unreadFrom").asLong()).isEqualTo(1_000_001);
        assertThat(status(last)).isEqualTo(200);
        assertThat(status(past)).isEqualTo(404);
    }

    @Test
    void aFileOfExactlyTheLimitIsReadWhole() {
        String region = newRegion();
        ObjectNode last = household(region, 1);
        String file = "\n".repeat(999_999) + line(last) + "\n";

        JsonNode outcome =
                api.postNdjson("/api/households/import", "caseworker", file).json();
        assertThat(outcome.get("lines").asLong()).isEqualTo(1_000_000);
        assertThat(outcome.get("stored").asLong()).isEqualTo(1);
        assertThat(outcome.get("truncated").asBoolean()).isFalse();
        assertThat(outcome.get("unreadFrom").isNull()).isTrue();
    }

    @Test
    void rejectedLinesPastTheFirstThousandAreCountedNotListed() {
        String region = newRegion();
        ObjectNode good = household(region, 1);
        String file = "{ not json\n".repeat(1_005) + line(good) + "\n";

        Api.Response response = api.postNdjson("/api/households/import", "caseworker", file);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode outcome = response.json();
        assertThat(outcome.get("stored").asLong()).isEqualTo(1);
        assertThat(outcome.get("rejected").asLong()).isEqualTo(1_005);
        assertThat(outcome.get("rejectedLines").size()).isEqualTo(1_000);
        assertThat(outcome.get("rejectedLines").get(0).get("line").asLong()).isEqualTo(1);
        assertThat(outcome.get("rejectedLines").get(999).get("line").asLong()).isEqualTo(1_000);
        assertThat(outcome.get("rejectedNotListed").asLong()).isEqualTo(5);
        assertThat(status(good)).isEqualTo(200);
    }
}
