package cn.fupin.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Bulk import of NDJSON with bad lines mixed in, importing again, and export that re-imports the same. */
class HouseholdImportExportTests extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    /** A region of its own for each test, so that exports see only its households. */
    static String newRegion() {
        return "54" + String.format("%04d", (int) (Math.random() * 10000));
    }

    static ObjectNode household(String region, int n) {
        return HouseholdJson.household(
                        region + "-I" + n + "-" + UUID.randomUUID().toString().substring(0, 6))
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
        String file = String.join(
                        "\n",
                        line(first),
                        "{ not json",
                        line(second),
                        line(badIdNumber),
                        "",
                        line(missingField),
                        line(first.deepCopy().put("incomePerCapita", 1)),
                        line(third))
                + "\n";

        Api.Response response = api.postNdjson("/api/households/import", "caseworker", file);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode outcome = response.json();
        assertThat(outcome.get("stored").asLong()).isEqualTo(3);
        assertThat(outcome.get("rejected").asLong()).isEqualTo(4);
        assertThat(outcome.get("rejectedLines")
                        .valueStream()
                        .map(l -> l.get("line").asLong()))
                .containsExactly(2L, 4L, 6L, 7L);
        JsonNode badId = outcome.get("rejectedLines").get(1);
        assertThat(badId.get("householdId").asString())
                .isEqualTo(badIdNumber.get("householdId").asString());
        assertThat(badId.get("errors").get(0).get("field").asString()).isEqualTo("members[0].idNumber");
        assertThat(outcome.get("rejectedLines")
                        .get(2)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("status");
        assertThat(outcome.get("rejectedLines")
                        .get(3)
                        .get("errors")
                        .get(0)
                        .get("message")
                        .asString())
                .contains("line 1");

        for (ObjectNode stored : List.of(first, second, third)) {
            assertThat(api.get("/api/households/" + stored.get("householdId").asString(), "caseworker")
                            .status())
                    .isEqualTo(200);
        }
        assertThat(api.get("/api/households/" + badIdNumber.get("householdId").asString(), "caseworker")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndAnExportReimportsToTheSameHouseholds() {
        String region = newRegion();
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 1200; i++) {
            ObjectNode h =
                    household(region, i).put("incomePerCapita", 3000 + i).put("status", i % 3 == 0 ? "LIFTED" : "POOR");
            h.putArray("causes").add(i % 2 == 0 ? "ILLNESS" : "DISABILITY").add("TRANSPORT");
            file.append(line(h)).append('\n');
        }
        assertThat(api.postNdjson("/api/households/import", "caseworker", file.toString())
                        .json()
                        .get("stored")
                        .asLong())
                .isEqualTo(1200);
        Api.Response export = api.get("/api/households/export?regionCode=" + region, "caseworker");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        List<String> exported = export.body().lines().toList();
        assertThat(exported).hasSize(1200 + 1).last().isEqualTo("{\"exportEnd\":true,\"households\":1200}");

        JsonNode again = api.postNdjson("/api/households/import", "caseworker", export.body())
                .json();
        assertThat(again.get("stored").asLong()).isEqualTo(1200);
        assertThat(again.get("rejected").asLong()).isZero();
        assertThat(again.get("complete").asBoolean()).as(again.toString()).isTrue();
        assertThat(api.get("/api/households/export?regionCode=" + region, "caseworker")
                        .body()
                        .lines()
                        .toList())
                .isEqualTo(exported);
        String someId =
                HouseholdJson.JSON.readTree(exported.get(7)).get("householdId").asString();
        JsonNode stored = api.get("/api/households/" + someId, "caseworker").json();
        assertThat(stored.get("version").asLong())
                .as("unchanged households are not written again")
                .isZero();
        assertThat(stored.get("causes").valueStream().map(JsonNode::asString))
                .containsExactly("DISABILITY", "TRANSPORT");
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

    /** A file of {@code count} new households of the region, one a line, as written by hand (no end line). */
    static String households(String region, int count) {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < count; i++) {
            file.append(line(household(region, i))).append('\n');
        }
        return file.toString();
    }

    static String withoutLast(List<String> lines, int dropped) {
        return String.join("\n", lines.subList(0, lines.size() - dropped)) + "\n";
    }

    @Test
    void anExportEndsWithALineCountingItsHouseholdsAndAFileCutShortIsReportedNotComplete() {
        String region = newRegion();
        JsonNode byHand = api.postNdjson("/api/households/import", "caseworker", households(region, 700))
                .json();
        assertThat(byHand.get("stored").asLong()).isEqualTo(700);
        assertThat(byHand.get("complete").asBoolean())
                .as("a file without an end line is not known whole")
                .isFalse();
        assertThat(byHand.get("incompleteReason").asString()).contains("no end line");

        List<String> exported = api.get("/api/households/export?regionCode=" + region, "caseworker")
                .body()
                .lines()
                .toList();
        assertThat(exported).hasSize(701).last().isEqualTo("{\"exportEnd\":true,\"households\":700}");
        assertThat(HouseholdJson.JSON.readTree(exported.get(0)).get("version").asLong())
                .isZero();
        JsonNode whole = api.postNdjson("/api/households/import", "caseworker", String.join("\n", exported))
                .json();
        assertThat(whole.get("complete").asBoolean()).as(whole.toString()).isTrue();
        assertThat(whole.get("incompleteReason").isNull()).isTrue();
        assertThat(whole.get("lines").asLong()).isEqualTo(701);
        assertThat(whole.get("stored").asLong()).isEqualTo(700);
        assertThat(whole.get("rejected").asLong()).isZero();

        // Cut off as a stream that stopped: the end line and the last households are missing.
        JsonNode cut = api.postNdjson("/api/households/import", "caseworker", withoutLast(exported, 3))
                .json();
        assertThat(cut.get("stored").asLong()).isEqualTo(698);
        assertThat(cut.get("complete").asBoolean()).isFalse();
        assertThat(cut.get("incompleteReason").asString()).contains("no end line");

        // Lines lost before the end line: it counts more than came.
        List<String> holed = new ArrayList<>(exported);
        holed.remove(10);
        holed.remove(10);
        JsonNode missing = api.postNdjson("/api/households/import", "caseworker", String.join("\n", holed))
                .json();
        assertThat(missing.get("complete").asBoolean()).isFalse();
        assertThat(missing.get("incompleteReason").asString())
                .contains("line 699")
                .contains("counts 700 households")
                .contains("698");
        assertThat(missing.get("rejected").asLong()).isZero();
    }

    @Test
    void anOldExportDoesNotUndoAPutMadeSinceUnlessAskedToOverwrite() {
        String region = newRegion();
        api.postNdjson("/api/households/import", "caseworker", households(region, 3));
        String old = api.get("/api/households/export?regionCode=" + region, "caseworker")
                .body();
        List<String> lines = old.lines().toList();
        String edited =
                HouseholdJson.JSON.readTree(lines.get(1)).get("householdId").asString();
        ObjectNode put = (ObjectNode) HouseholdJson.JSON.readTree(lines.get(1));
        put.remove("version");
        put.put("incomePerCapita", 9999);
        ((ObjectNode) put.get("members").get(0))
                .put(
                        "idNumber",
                        household(region, 0)
                                .get("members")
                                .get(0)
                                .get("idNumber")
                                .asString());
        ((ObjectNode) put.get("members").get(1))
                .put(
                        "idNumber",
                        household(region, 0)
                                .get("members")
                                .get(1)
                                .get("idNumber")
                                .asString());
        Api.Response written = api.put("/api/households/" + edited, "caseworker", put, null);
        assertThat(written.status()).as(written.body()).isEqualTo(200);
        assertThat(written.json().get("version").asLong()).isEqualTo(1);

        JsonNode refused =
                api.postNdjson("/api/households/import", "caseworker", old).json();
        assertThat(refused.get("stored").asLong()).isEqualTo(2);
        assertThat(refused.get("rejected").asLong()).isEqualTo(1);
        JsonNode line = refused.get("rejectedLines").get(0);
        assertThat(line.get("line").asLong()).isEqualTo(2);
        assertThat(line.get("householdId").asString()).isEqualTo(edited);
        assertThat(line.get("errors").get(0).get("field").asString()).isEqualTo("version");
        assertThat(line.get("errors").get(0).get("message").asString())
                .contains(edited)
                .contains("stored at version 1")
                .contains("line's version 0")
                .contains("overwrite=true");
        JsonNode kept = api.get("/api/households/" + edited, "caseworker").json();
        assertThat(kept.get("incomePerCapita").decimalValue()).isEqualByComparingTo("9999");
        assertThat(kept.get("version").asLong())
                .as("a refused line changes nothing")
                .isEqualTo(1);
        assertThat(api.get("/api/audit?householdId=" + edited, "admin").json().valueStream())
                .as("the refusal is in the trail")
                .anySatisfy(e -> assertThat(e.get("outcome").asString()).isEqualTo("REFUSED_OLDER"));

        assertThat(api.postNdjson("/api/households/import?overwrite=maybe", "caseworker", old)
                        .status())
                .isEqualTo(400);
        JsonNode overwritten = api.postNdjson("/api/households/import?overwrite=true", "caseworker", old)
                .json();
        assertThat(overwritten.get("rejected").asLong())
                .as(overwritten.toString())
                .isZero();
        assertThat(overwritten.get("stored").asLong()).isEqualTo(3);
        JsonNode back = api.get("/api/households/" + edited, "caseworker").json();
        assertThat(back.get("incomePerCapita").decimalValue()).isEqualByComparingTo("3800");
        assertThat(back.get("version").asLong()).isEqualTo(2);

        // A line without a version (written by hand) replaces the stored household, as a PUT without If-Match.
        put.put("incomePerCapita", 4444);
        JsonNode byHand = api.postNdjson("/api/households/import", "caseworker", line(put))
                .json();
        assertThat(byHand.get("rejected").asLong()).as(byHand.toString()).isZero();
        assertThat(api.get("/api/households/" + edited, "caseworker")
                        .json()
                        .get("incomePerCapita")
                        .decimalValue())
                .isEqualByComparingTo("4444");
    }

    @Test
    void anExportThatFailsPartWayIsAbortedNotEndedCleanly() throws Exception {
        String region = newRegion();
        api.postNdjson("/api/households/import", "caseworker", households(region, HouseholdExport.PAGE + 20));
        // A row the service cannot read, on the second page: the first has been sent by the time it is reached.
        String last = jdbc.queryForObject(
                "SELECT MAX(household_id) FROM household WHERE region_code = ?", String.class, region);
        jdbc.update("UPDATE household SET status = 'UNREADABLE' WHERE household_id = ?", last);
        try {
            HttpResponse<InputStream> export = api.client()
                    .send(
                            api.request("/api/households/export?regionCode=" + region, "caseworker")
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            assertThat(export.statusCode()).isEqualTo(200);
            List<String> received = new ArrayList<>();
            assertThatThrownBy(() -> readLines(export.body(), received)).isInstanceOf(IOException.class);
            assertThat(received).hasSizeGreaterThanOrEqualTo(1).noneMatch(l -> l.contains("exportEnd"));
        } finally {
            jdbc.update("DELETE FROM household_member WHERE household_id = ?", last);
            jdbc.update("DELETE FROM household WHERE household_id = ?", last);
        }
    }

    static void readLines(InputStream body, List<String> into) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                into.add(line);
            }
        }
    }
}
