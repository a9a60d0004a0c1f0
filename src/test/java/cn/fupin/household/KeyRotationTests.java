package cn.fupin.household;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.system.ApiTestBase;
import cn.fupin.system.crypto.IdNumberCipher;
import cn.fupin.system.crypto.PersonalDataKeys;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ObjectNode;

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
        assertThat(cipher.decrypt(after, householdId, householdId + "-01"))
                .isEqualTo(cipher.decrypt(before, householdId, householdId + "-01"));
        assertThat(api.get("/api/households/" + householdId, "caseworker").status())
                .isEqualTo(200);
        assertThat(RekeyCommand.reencrypt(jdbc, cipher))
                .as("a second run finds nothing to do")
                .isZero();
    }

    /**
     * A value written before numbers were bound to their member (bound to the household only) still reads,
     * and a rotation writes it again bound to its member.
     */
    @Test
    void aValueBoundOnlyToItsHouseholdReadsAndARotationBindsItToItsMember() throws Exception {
        String householdId = newHouseholdId();
        ObjectNode household = HouseholdJson.household(householdId);
        String number = household.get("members").get(0).get("idNumber").asString();
        api.put("/api/households/" + householdId, "caseworker", household, null);
        jdbc.update(
                "UPDATE household_member SET id_number_cipher = ? WHERE household_id = ? AND position = 0",
                boundToHousehold(number, householdId),
                householdId);
        assertThat(api.get("/api/households/" + householdId, "caseworker").status())
                .isEqualTo(200);
        assertThat(RekeyCommand.reencrypt(jdbc, cipher)).isPositive();
        String after = jdbc.queryForObject(
                "SELECT id_number_cipher FROM household_member WHERE household_id = ? AND position = 0",
                String.class,
                householdId);
        assertThat(after).startsWith(cipher.currentForm());
        assertThat(cipher.decrypt(
                        after,
                        householdId,
                        household.get("members").get(0).get("memberId").asString()))
                .isEqualTo(number);
    }

    /** The stored form of the earlier release: {@code keyId:base64}, the household id as associated data. */
    private String boundToHousehold(String number, String householdId) throws Exception {
        Properties file = new Properties();
        try (Reader in = Files.newBufferedReader(keys.file())) {
            file.load(in);
        }
        String current = file.getProperty("current");
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(
                Cipher.ENCRYPT_MODE,
                new SecretKeySpec(Base64.getDecoder().decode(file.getProperty("key." + current)), "AES"),
                new GCMParameterSpec(128, nonce));
        aes.updateAAD(householdId.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = aes.doFinal(number.getBytes(StandardCharsets.US_ASCII));
        return current + ":"
                + Base64.getEncoder()
                        .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                .put(nonce)
                                .put(sealed)
                                .array());
    }
}
