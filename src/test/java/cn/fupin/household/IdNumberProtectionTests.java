package cn.fupin.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import cn.fupin.system.crypto.IdNumberCipher;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ID numbers are encrypted at rest, looked up by a keyed hash, masked in every answer, and given in full only
 * to ID_NUMBER_READER on request, each such read audited.
 */
class IdNumberProtectionTests extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdNumberCipher cipher;

    String householdId;
    String number;

    @BeforeEach
    void aStoredHousehold() {
        householdId = newHouseholdId();
        ObjectNode household = HouseholdJson.household(householdId);
        number = household.get("members").get(0).get("idNumber").asString();
        assertThat(api.put("/api/households/" + householdId, "caseworker", household, null)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void theDatabaseHoldsNoPlainIdNumber() {
        List<Map<String, Object>> rows =
                jdbc.queryForList("SELECT * FROM household_member WHERE household_id = ?", householdId);
        assertThat(rows).hasSize(2);
        for (Map<String, Object> row : rows) {
            assertThat(row.keySet()).map(String::toLowerCase).doesNotContain("id_number");
            assertThat(row.values().toString()).doesNotContain(number).doesNotContain(number.substring(6, 14));
            assertThat(row.get("id_number_cipher").toString()).matches("k\\d+:m:[A-Za-z0-9+/=]+");
        }
    }

    @Test
    void aCiphertextMovedToAnotherHouseholdOrMemberDoesNotDecrypt() {
        String stored = cipher.encrypt(number, householdId, "m1");
        assertThat(cipher.decrypt(stored, householdId, "m1")).isEqualTo(number);
        assertThatThrownBy(() -> cipher.decrypt(stored, "520102-other", "m1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(stored, householdId, "m2"))
                .as("another member of the same household")
                .isInstanceOf(IllegalStateException.class);
        assertThat(cipher.encrypt(number, householdId, "m1"))
                .as("a fresh nonce each time")
                .isNotEqualTo(stored);
    }

    /**
     * Someone who can write the database swaps two members' stored numbers: the household is refused (500,
     * without either number), rather than shown with each member holding the other's number.
     */
    @Test
    void numbersSwappedBetweenMembersInTheDatabaseAreRefusedNotShown() {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT position, id_number_cipher FROM household_member WHERE household_id = ? ORDER BY position",
                householdId);
        assertThat(rows).hasSize(2);
        swap(rows, 1);
        try {
            Api.Response answer = api.get("/api/households/" + householdId, "caseworker");
            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.body()).doesNotContain("idNumber").doesNotContain("members");
        } finally {
            swap(rows, 0); // the same rows as before: a key rotation of another test reads every member
        }
    }

    /** Writes the stored numbers back to the members, exchanged ({@code by} 1) or in their places (0). */
    private void swap(List<Map<String, Object>> rows, int by) {
        for (int i = 0; i < 2; i++) {
            jdbc.update(
                    "UPDATE household_member SET id_number_cipher = ? WHERE household_id = ? AND position = ?",
                    rows.get((i + by) % 2).get("id_number_cipher"),
                    householdId,
                    rows.get(i).get("position"));
        }
    }

    @Test
    void noAnswerNarrowsAnIdNumberDownToFewerThanAHundredCandidates() {
        List<JsonNode> shown = new ArrayList<>();
        shown.add(api.get("/api/households/" + householdId, "caseworker").json());
        api.get("/api/households?regionCode=520102&size=200", "caseworker")
                .json()
                .get("content")
                .forEach(h -> {
                    if (h.get("householdId").asString().equals(householdId)) {
                        shown.add(h);
                    }
                });
        api.get("/api/households/export?regionCode=520102", "caseworker")
                .body()
                .lines()
                .filter(line -> line.contains(householdId))
                .map(Api.JSON::readTree)
                .forEach(shown::add);
        shown.add(api.put("/api/households/" + householdId, "caseworker", HouseholdJson.household(householdId), null)
                .json());
        assertThat(shown).hasSize(4);
        for (JsonNode household : shown) {
            for (JsonNode member : household.get("members")) {
                assertThat(candidates(member.get("idNumber").asString(), household, member))
                        .as("numbers consistent with %s and the member's birth date and sex", member.get("idNumber"))
                        .isGreaterThanOrEqualTo(100);
            }
        }
        String card = api.send(api.request("/api/households/" + householdId + "/card", "caseworker")
                        .header("Accept", "text/html")
                        .GET()
                        .build())
                .body();
        Matcher onCard = Pattern.compile("\\d{6}[0-9X*]{12}").matcher(card);
        JsonNode stored = shown.get(0);
        int members = 0;
        while (onCard.find()) {
            JsonNode member = stored.get("members").get(members++);
            assertThat(candidates(onCard.group(), stored, member)).isGreaterThanOrEqualTo(100);
        }
        assertThat(members).as("numbers shown on the card").isEqualTo(2);
    }

    /** The candidates left for a member, and a check that the real number is one of them. */
    private int candidates(String shownNumber, JsonNode household, JsonNode member) {
        String region = household.get("regionCode").asString();
        LocalDate birth = LocalDate.parse(member.get("birthDate").asString());
        boolean male = member.get("sex").asString().equals("MALE");
        String real = HouseholdJson.household(householdId)
                .get("members")
                .get(member.get("memberId").asString().endsWith("-01") ? 0 : 1)
                .get("idNumber")
                .asString();
        assertThat(IdNumberCandidates.count(real, region, birth, male))
                .as("the real number itself")
                .isEqualTo(1);
        return IdNumberCandidates.count(shownNumber, region, birth, male);
    }

    @Test
    void evaluationSnapshotsHoldNoIdNumberNotEvenMasked() {
        api.post("/api/households/" + householdId + "/evaluations?asOf=2020-06-30", "caseworker", "");
        JsonNode snapshot = Api.JSON.readTree(jdbc.queryForObject(
                "SELECT snapshot FROM household_snapshot WHERE household_id = ?", String.class, householdId));
        assertThat(snapshot.get("members"))
                .hasSize(2)
                .allSatisfy(member -> assertThat(member.has("idNumber"))
                        .as("idNumber in %s", member)
                        .isFalse());
        assertThat(snapshot.toString())
                .doesNotContain(number.substring(0, 6) + "*")
                .doesNotContain(number.substring(14));
        JsonNode replay = api.get(
                        "/api/evaluations/"
                                + jdbc.queryForObject(
                                        "SELECT evaluation_id FROM evaluation WHERE household_id = ?",
                                        String.class,
                                        householdId)
                                + "/replay",
                        "caseworker")
                .json();
        assertThat(replay.get("identical").asBoolean()).isTrue();
    }

    @Test
    void theMigrationTakesTheMaskedNumbersOutOfSnapshotsRecordedBefore() throws Exception {
        String earlier = number.substring(0, 6) + "********" + number.substring(14);
        String evaluationId = UUID.randomUUID().toString();
        jdbc.update(
                """
                INSERT INTO evaluation (evaluation_id, household_id, as_of, ruleset_version, evaluated_at, evaluated_by,
                                        household_version, input, result)
                VALUES (?, ?, DATE '2020-06-30', 'sha256:x', TIMESTAMP '2020-06-30 01:00:00', 'cw', 0, ?, '[]')""",
                evaluationId,
                householdId,
                "{\"householdId\":\"" + householdId + "\",\"members\":[{\"memberId\":\"m1\","
                        + "\"idNumber\":\"" + earlier + "\",\"name\":\"x\"},{\"memberId\":\"m2\",\"idNumber\":null,"
                        + "\"name\":\"y\"},{\"memberId\":\"m3\",\"idNumber\":\"" + earlier + "\"}]}");
        String migration = new String(
                getClass()
                        .getResourceAsStream("/db/migration/V16__evaluation_snapshots_without_id_numbers.sql")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        ScriptUtils.executeSqlScript(
                jdbc.getDataSource().getConnection(),
                new ByteArrayResource(migration.getBytes(StandardCharsets.UTF_8)));
        JsonNode input = Api.JSON.readTree(jdbc.queryForObject(
                "SELECT input FROM evaluation WHERE evaluation_id = ?", String.class, evaluationId));
        assertThat(input.get("members"))
                .hasSize(3)
                .allSatisfy(member -> assertThat(member.has("idNumber")).isFalse());
        assertThat(input.get("members").get(0).get("name").asString()).isEqualTo("x");
    }

    @Test
    void aFullNumberNeedsTheRoleAndEveryFullReadIsAudited() {
        assertThat(api.get("/api/households/" + householdId + "?unmask=true", "caseworker")
                        .status())
                .isEqualTo(403);
        String reader = "idreader-" + UUID.randomUUID().toString().substring(0, 8);
        api.createUser(reader, "520102", "CASEWORKER", "ID_NUMBER_READER");
        assertThat(api.get("/api/households/" + householdId, reader).body())
                .as("masked unless asked")
                .doesNotContain(number);
        JsonNode full = api.get("/api/households/" + householdId + "?unmask=true", reader)
                .json();
        assertThat(full.get("members").get(0).get("idNumber").asString()).isEqualTo(number);
        assertThat(api.get("/api/households/export?regionCode=520102&unmask=true", reader)
                        .body())
                .contains(number);
        List<Map<String, Object>> audited = jdbc.queryForList(
                "SELECT username, action, outcome FROM audit_event WHERE household_id = ? AND action = 'ID_NUMBER_READ'",
                householdId);
        assertThat(audited)
                .hasSize(2)
                .allSatisfy(row -> assertThat(row.get("username")).isEqualTo(reader));
    }

    @Test
    void aHouseholdReadMaskedCanBeSentBackChanged() {
        ObjectNode read = (ObjectNode)
                api.get("/api/households/" + householdId, "caseworker").json();
        read.remove("version");
        read.put("incomePerCapita", 4100);
        assertThat(api.put("/api/households/" + householdId, "caseworker", read, null)
                        .status())
                .isEqualTo(200);
        String reader = "idreader-" + UUID.randomUUID().toString().substring(0, 8);
        api.createUser(reader, "520102", "ID_NUMBER_READER", "CASEWORKER");
        JsonNode full = api.get("/api/households/" + householdId + "?unmask=true", reader)
                .json();
        assertThat(full.get("members").get(0).get("idNumber").asString()).isEqualTo(number);
        assertThat(full.get("incomePerCapita").decimalValue()).isEqualByComparingTo("4100");
    }

    @Test
    void aMaskedNumberThatIsNotTheMembersOwnIsRefused() {
        ObjectNode read = (ObjectNode)
                api.get("/api/households/" + householdId, "caseworker").json();
        // A mask shows only the region of registration: one of another region is not this member's number.
        ((ObjectNode) read.get("members").get(1)).put("idNumber", "520103" + "*".repeat(12));
        Api.Response refused = api.put("/api/households/" + householdId, "caseworker", read, null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("members[1].idNumber").contains("masked");
    }

    @Test
    void aPersonIsFoundByIdNumberThroughTheLookupHash() {
        String hash = cipher.lookupHash(number);
        assertThat(hash).hasSize(64).doesNotContain(number);
        assertThat(jdbc.queryForList(
                        "SELECT household_id FROM household_member WHERE id_number_hmac = ?", String.class, hash))
                .contains(householdId);
        JsonNode found = api.post(
                        "/api/households/lookup",
                        "caseworker",
                        Api.JSON.createObjectNode().put("idNumber", number))
                .json();
        assertThat(found.valueStream().map(f -> f.get("householdId").asString()))
                .contains(householdId);
    }

    @Test
    void aPathTypedWithAnIdNumberIsNeitherEchoedNorKept() {
        for (String path : new String[] {"/api/households/" + number, "/api/households/" + number + "/evaluations"}) {
            Api.Response missing = api.get(path, "caseworker");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.body()).doesNotContain(number).contains(IdNumbers.mask(number));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE household_id = ?", Long.class, number))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_event WHERE household_id = ?", Long.class, IdNumbers.mask(number)))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aLookupOfABadNumberIs400AndOneThatFindsNothingIsStillAudited() {
        Api.Response bad = api.post(
                "/api/households/lookup",
                "caseworker",
                Api.JSON.createObjectNode().put("idNumber", "520102197501010000"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("idNumber").doesNotContain("520102197501010000");
        String reader = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        api.createUser(reader, "520199", "CASEWORKER");
        JsonNode none = api.post(
                        "/api/households/lookup",
                        reader,
                        Api.JSON.createObjectNode().put("idNumber", number))
                .json();
        assertThat(none).isEmpty();
        assertThat(jdbc.queryForList(
                        "SELECT outcome FROM audit_event WHERE username = ? AND action = 'HOUSEHOLD_LOOKUP'",
                        String.class,
                        reader))
                .containsExactly("OK");
    }

    @Test
    void theSameNumberTwiceInOneHouseholdIsRefusedByTheSchemaToo() {
        String hash = cipher.lookupHash(number);
        assertThatThrownBy(() -> jdbc.update(
                        "UPDATE household_member SET id_number_hmac = ? WHERE household_id = ? " + "AND position = 1",
                        hash,
                        householdId))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
