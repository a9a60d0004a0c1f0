package cn.fupin.household;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import cn.fupin.system.crypto.IdNumberCipher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(api.put("/api/households/" + householdId, "caseworker", household, null).status()).isEqualTo(201);
    }

    @Test
    void theDatabaseHoldsNoPlainIdNumber() {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM household_member WHERE household_id = ?",
                householdId);
        assertThat(rows).hasSize(2);
        for (Map<String, Object> row : rows) {
            assertThat(row.keySet()).map(String::toLowerCase).doesNotContain("id_number");
            assertThat(row.values().toString()).doesNotContain(number).doesNotContain(number.substring(6, 14));
            assertThat(row.get("id_number_cipher").toString()).matches("k\\d+:[A-Za-z0-9+/=]+");
        }
        api.post("/api/households/" + householdId + "/evaluations?asOf=2020-06-30", "caseworker", "");
        String snapshot = jdbc.queryForObject("SELECT input FROM evaluation WHERE household_id = ?", String.class,
                householdId);
        assertThat(snapshot).doesNotContain(number).contains(IdNumbers.mask(number));
    }

    @Test
    void aCiphertextMovedToAnotherHouseholdDoesNotDecrypt() {
        String stored = cipher.encrypt(number, householdId);
        assertThat(cipher.decrypt(stored, householdId)).isEqualTo(number);
        assertThatThrownBy(() -> cipher.decrypt(stored, "520102-other")).isInstanceOf(IllegalStateException.class);
        assertThat(cipher.encrypt(number, householdId)).as("a fresh nonce each time").isNotEqualTo(stored);
    }

    @Test
    void answersAndExportsShowMaskedNumbers() {
        String masked = number.substring(0, 6) + "********" + number.substring(14);
        JsonNode one = api.get("/api/households/" + householdId, "caseworker").json();
        assertThat(one.get("members").get(0).get("idNumber").asString()).isEqualTo(masked);
        String list = api.get("/api/households?regionCode=520102&size=200", "caseworker").body();
        assertThat(list).contains(masked).doesNotContain(number);
        String export = api.get("/api/households/export?regionCode=520102", "caseworker").body();
        assertThat(export).contains(masked).doesNotContain(number);
        String card = api.send(api.request("/api/households/" + householdId + "/card", "caseworker")
                .header("Accept", "text/html").GET().build()).body();
        assertThat(card).contains(masked).doesNotContain(number);
        assertThat(api.put("/api/households/" + householdId, "caseworker", HouseholdJson.household(householdId), null)
                .body()).doesNotContain(number);
    }

    @Test
    void aFullNumberNeedsTheRoleAndEveryFullReadIsAudited() {
        assertThat(api.get("/api/households/" + householdId + "?unmask=true", "caseworker").status()).isEqualTo(403);
        String reader = "idreader-" + UUID.randomUUID().toString().substring(0, 8);
        api.createUser(reader, "520102", "CASEWORKER", "ID_NUMBER_READER");
        assertThat(api.get("/api/households/" + householdId, reader).body()).as("masked unless asked")
                .doesNotContain(number);
        JsonNode full = api.get("/api/households/" + householdId + "?unmask=true", reader).json();
        assertThat(full.get("members").get(0).get("idNumber").asString()).isEqualTo(number);
        assertThat(api.get("/api/households/export?regionCode=520102&unmask=true", reader).body()).contains(number);
        List<Map<String, Object>> audited = jdbc.queryForList(
                "SELECT username, action, outcome FROM audit_event WHERE household_id = ? AND action = 'ID_NUMBER_READ'",
                householdId);
        assertThat(audited).hasSize(2).allSatisfy(row -> assertThat(row.get("username")).isEqualTo(reader));
    }

    @Test
    void aHouseholdReadMaskedCanBeSentBackChanged() {
        ObjectNode read = (ObjectNode) api.get("/api/households/" + householdId, "caseworker").json();
        read.remove("version");
        read.put("incomePerCapita", 4100);
        assertThat(api.put("/api/households/" + householdId, "caseworker", read, null).status()).isEqualTo(200);
        String reader = "idreader-" + UUID.randomUUID().toString().substring(0, 8);
        api.createUser(reader, "520102", "ID_NUMBER_READER", "CASEWORKER");
        JsonNode full = api.get("/api/households/" + householdId + "?unmask=true", reader).json();
        assertThat(full.get("members").get(0).get("idNumber").asString()).isEqualTo(number);
        assertThat(full.get("incomePerCapita").decimalValue()).isEqualByComparingTo("4100");
    }

    @Test
    void aMaskedNumberThatIsNotTheMembersOwnIsRefused() {
        ObjectNode read = (ObjectNode) api.get("/api/households/" + householdId, "caseworker").json();
        // The first member's mask given to the second member.
        ((ObjectNode) read.get("members").get(1)).put("idNumber", read.get("members").get(0).get("idNumber").asString());
        Api.Response refused = api.put("/api/households/" + householdId, "caseworker", read, null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("members[1].idNumber").contains("masked");
    }

    @Test
    void aPersonIsFoundByIdNumberThroughTheLookupHash() {
        String hash = cipher.lookupHash(number);
        assertThat(hash).hasSize(64).doesNotContain(number);
        assertThat(jdbc.queryForList("SELECT household_id FROM household_member WHERE id_number_hmac = ?", String.class,
                hash)).contains(householdId);
        JsonNode found = api.post("/api/households/lookup", "caseworker",
                Api.JSON.createObjectNode().put("idNumber", number)).json();
        assertThat(found.valueStream().map(f -> f.get("householdId").asString())).contains(householdId);
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
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE household_id = ?", Long.class,
                IdNumbers.mask(number))).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aLookupOfABadNumberIs400AndOneThatFindsNothingIsStillAudited() {
        Api.Response bad = api.post("/api/households/lookup", "caseworker",
                Api.JSON.createObjectNode().put("idNumber", "520102197501010000"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("idNumber").doesNotContain("520102197501010000");
        String reader = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        api.createUser(reader, "520199", "CASEWORKER");
        JsonNode none = api.post("/api/households/lookup", reader, Api.JSON.createObjectNode().put("idNumber", number))
                .json();
        assertThat(none).isEmpty();
        assertThat(jdbc.queryForList("SELECT outcome FROM audit_event WHERE username = ? AND action = 'HOUSEHOLD_LOOKUP'",
                String.class, reader)).containsExactly("OK");
    }

    @Test
    void theSameNumberTwiceInOneHouseholdIsRefusedByTheSchemaToo() {
        String hash = cipher.lookupHash(number);
        assertThatThrownBy(() -> jdbc.update("UPDATE household_member SET id_number_hmac = ? WHERE household_id = ? "
                + "AND position = 1", hash, householdId)).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }
}
