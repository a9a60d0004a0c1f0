package cn.fupin.system.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * ID numbers at rest: AES-256-GCM with a fresh 96-bit nonce per value, stored as {@code keyId:base64(nonce ‖
 * ciphertext ‖ tag)}, bound to the row's household id (additional authenticated data) so a value copied into
 * another household's row does not decrypt. Beside it, an HMAC-SHA-256 of the number gives exact lookups and
 * uniqueness without decrypting anything.
 */
public final class IdNumberCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final PersonalDataKeys keys;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> instance("AES/GCM/NoPadding"));
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(IdNumberCipher::hmacInstance);

    /** Marks a value whose associated data is its household and member ({@link #encrypt}). */
    private static final String MEMBER_BOUND = "m:";

    public IdNumberCipher(PersonalDataKeys keys) {
        this.keys = keys;
    }

    /**
     * The stored form of a member's ID number, under the current key: {@code keyId:m:base64}. The household
     * and member ids are its associated data, so a value copied to another member, of this household or any
     * other, does not decrypt.
     */
    public String encrypt(String idNumber, String householdId, String memberId) {
        PersonalDataKeys.Ring ring = keys.ring();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(
                    Cipher.ENCRYPT_MODE,
                    new SecretKeySpec(ring.keys().get(ring.currentId()), "AES"),
                    new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(memberBound(householdId, memberId));
            byte[] sealed = cipher.doFinal(idNumber.getBytes(StandardCharsets.US_ASCII));
            byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return ring.currentId() + ":" + MEMBER_BOUND + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt an ID number", e);
        }
    }

    /**
     * The ID number from its stored form; fails if the value was altered or moved to another member. A value
     * written before members were bound ({@code keyId:base64}) is bound to its household only, until
     * {@code rekey} writes it again.
     */
    public String decrypt(String stored, String householdId, String memberId) {
        int colon = stored.indexOf(':');
        String keyId = stored.substring(0, colon);
        String sealed = stored.substring(colon + 1);
        boolean bound = sealed.startsWith(MEMBER_BOUND);
        byte[] key = keys.ring().keys().get(keyId);
        if (key == null) {
            key = keys.reread().keys().get(keyId);
            if (key == null) {
                throw new IllegalStateException(
                        "An ID number is encrypted with key '" + keyId + "', which is not configured");
            }
        }
        byte[] bytes = Base64.getDecoder().decode(bound ? sealed.substring(MEMBER_BOUND.length()) : sealed);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(bound ? memberBound(householdId, memberId) : householdId.getBytes(StandardCharsets.UTF_8));
            return new String(
                    cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("An ID number of household " + householdId + " does not decrypt", e);
        }
    }

    /** The lookup value of an ID number: the same for the same number, whatever key encrypts it. */
    public String lookupHash(String idNumber) {
        byte[] key = keys.ring().hmacKey();
        try {
            Mac mac = macs.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(idNumber.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot hash an ID number", e);
        }
    }

    /** The id of the key new values are encrypted with. */
    public String currentKeyId() {
        return keys.ring().currentId();
    }

    /** The id of the key a stored value is encrypted with. */
    public static String keyIdOf(String stored) {
        return stored.substring(0, stored.indexOf(':'));
    }

    private static Cipher instance(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored form under the current key, bound to its member: what {@code rekey} leaves everywhere. */
    public String currentForm() {
        return currentKeyId() + ":" + MEMBER_BOUND;
    }

    private static byte[] memberBound(String householdId, String memberId) {
        // A separator no id may hold (ids are letters, digits, '-' and '_'), so no two pairs give one text.
        return (householdId + '\u001f' + memberId).getBytes(StandardCharsets.UTF_8);
    }

    private static Mac hmacInstance() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
