package cn.fupin.household;

import java.util.List;
import java.util.UUID;

import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk import of NDJSON with bad lines mixed in, importing again, and export that re-imports the same. */
class HouseholdImportExportTests extends ApiTestBase {

    /** A region of its own for each test, so that exports see only its households. */
    static String newRegion() {
        return "54" + String.format("%04d", (int) (Math.random() * 10000));
    }

    static ObjectNode household(String region, int n) {
        return HouseholdJson.household(region + "-I" + n + "-" + UUID.randomUUID().toString().substring(0, 6))
                .put("regionCode", region);
    }

    static String line(JsonNode household) {
        return HouseholdJson.JSON.writeValueAsString(household);
    }

    @Test
    void everyGoodLineIsStoredAndEveryBadOneReportedByNumber() {
        String region = newRegion();
        ObjectNode first = household(region, 1);
        ObjectNode second = household(region, 2);
        ObjectNode badIdNumber = household(region, 3);
        ((ObjectNode) badIdNumber.get("members").get(0)).put("birthDate", "1975-01-02");
        ObjectNode missingField = household(region, 4);
        missingField.remove("status");
        ObjectNode third = household(region, 5);
        String file = String.join("\n", line(first), "{ not json", line(second), line(badIdNumber), "",
                line(missingField), line(first.deepCopy().put("incomePerCapita", 1)), line(third)) + "\n";

        Api.Response response = api.postNdjson("/api/households/import", "caseworker", file);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode outcome = response.json();
        assertThat(outcome.get("stored").asLong()).isEqualTo(3);
        assertThat(outcome.get("rejected").asLong()).isEqualTo(4);
        assertThat(outcome.get("rejectedLines").valueStream().map(l -> l.get("line").asLong()))
                .containsExactly(2L, 4L, 6L, 7L);
        JsonNode badId = outcome.get("rejectedLines").get(1);
        assertThat(badId.get("householdId").asString()).isEqualTo(badIdNumber.get("householdId").asString());
        assertThat(badId.get("errors").get(0).get("field").asString()).isEqualTo("members[0].idNumber");
        assertThat(outcome.get("rejectedLines").get(2).get("errors").get(0).get("field").asString()).isEqualTo("status");
        assertThat(outcome.get("rejectedLines").get(3).get("errors").get(0).get("message").asString()).contains("line 1");

        for (ObjectNode stored : List.of(first, second, third)) {
            assertThat(api.get("/api/households/" + stored.get("householdId").asString(), "caseworker").status()).isEqualTo(200);
        }
        assertThat(api.get("/api/households/" + badIdNumber.get("householdId").asString(), "caseworker").status()).isEqualTo(404);
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndAnExportReimportsToTheSameHouseholds() {
        String region = newRegion();
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 1200; i++) {
            ObjectNode h = household(region, i).put("incomePerCapita", 3000 + i).put("status", i % 3 == 0 ? "LIFTED" : "POOR");
            h.putArray("causes").add(i % 2 == 0 ? "ILLNESS" : "DISABILITY").add("TRANSPORT");
            file.append(line(h)).append('\n');
        }
        assertThat(api.postNdjson("/api/households/import", "caseworker", file.toString()).json().get("stored").asLong())
                .isEqualTo(1200);
        Api.Response export = api.get("/api/households/export?regionCode=" + region, "caseworker");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        List<String> exported = export.body().lines().toList();
        assertThat(exported).hasSize(1200);

        JsonNode again = api.postNdjson("/api/households/import", "caseworker", export.body()).json();
        assertThat(again.get("stored").asLong()).isEqualTo(1200);
        assertThat(again.get("rejected").asLong()).isZero();
        assertThat(api.get("/api/households/export?regionCode=" + region, "caseworker").body().lines().toList())
                .isEqualTo(exported);
        String someId = HouseholdJson.JSON.readTree(exported.get(7)).get("householdId").asString();
        JsonNode stored = api.get("/api/households/" + someId, "caseworker").json();
        assertThat(stored.get("version").asLong()).as("unchanged households are not written again").isZero();
        assertThat(stored.get("causes").valueStream().map(JsonNode::asString)).containsExactly("DISABILITY", "TRANSPORT");
    }

    @Test
    void aLargeImportIsNotRefusedAsTooLargeAndNeedsACaseworker() {
        String region = newRegion();
        StringBuilder file = new StringBuilder();
        while (file.length() < 1_200_000) {
            file.append(line(household(region, file.length()))).append('\n');
        }
        Api.Response response = api.postNdjson("/api/households/import", "caseworker", file.toString());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("rejected").asLong()).isZero();
        assertThat(api.postNdjson("/api/households/import", null, "").status()).isEqualTo(401);
    }
}
