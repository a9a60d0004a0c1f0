package cn.fupin.household;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.system.ApiTestBase;
import cn.fupin.system.crypto.IdNumberCipher;
import cn.fupin.system.crypto.PersonalDataKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A key rotation re-encrypts every stored ID number under a new key while the service keeps serving. */
class KeyRotationTests extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdNumberCipher cipher;

    @Autowired
    PersonalDataKeys keys;

    @Test
    void aRotationMovesEveryValueToTheNewKeyAndTheHouseholdsStillRead() {
        String householdId = newHouseholdId();
        api.put("/api/households/" + householdId, "caseworker", HouseholdJson.household(householdId), null);
        String before = jdbc.queryForObject(
                "SELECT id_number_cipher FROM household_member WHERE household_id = ? " + "AND position = 0",
                String.class,
                householdId);

        String newKey = keys.addCurrentKey();
        assertThat(cipher.currentKeyId()).isEqualTo(newKey);
        assertThat(api.get("/api/households/" + householdId, "caseworker").status())
                .as("old values still read before the rotation reaches them")
                .isEqualTo(200);
        long changed = RekeyCommand.reencrypt(jdbc, cipher);

        assertThat(changed).isPositive();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM household_member WHERE id_number_cipher NOT LIKE ?",
                        Long.class,
                        newKey + ":%"))
                .isZero();
        String after = jdbc.queryForObject(
                "SELECT id_number_cipher FROM household_member WHERE household_id = ? " + "AND position = 0",
                String.class,
                householdId);
        assertThat(after).startsWith(newKey + ":").isNotEqualTo(before);
        assertThat(cipher.decrypt(after, householdId)).isEqualTo(cipher.decrypt(before, householdId));
        assertThat(api.get("/api/households/" + householdId, "caseworker").status())
                .isEqualTo(200);
        assertThat(RekeyCommand.reencrypt(jdbc, cipher))
                .as("a second run finds nothing to do")
                .isZero();
    }
}
