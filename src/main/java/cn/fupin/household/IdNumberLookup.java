package cn.fupin.household;

import cn.fupin.system.FieldError;
import cn.fupin.system.InvalidInputException;
import cn.fupin.system.access.RegionScope;
import cn.fupin.system.audit.AuditTrail;
import cn.fupin.system.crypto.IdNumberCipher;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Finds a person by ID number without decrypting the registry: the number's keyed hash is looked up in the
 * indexed hash column. Only households within the user's region are answered.
 */
@Service
class IdNumberLookup {

    /** Where the person is registered: household, its region, and the member. */
    record Found(String householdId, String regionCode, String memberId) {}

    private final JdbcTemplate jdbc;
    private final IdNumberCipher cipher;
    private final RegionScope scope;
    private final AuditTrail audit;

    IdNumberLookup(JdbcTemplate jdbc, IdNumberCipher cipher, RegionScope scope, AuditTrail audit) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.scope = scope;
        this.audit = audit;
    }

    /** The lookup a client asks for with {@code {"idNumber": "…"}}: checked, answered and audited. */
    List<Found> find(JsonNode idNumber) {
        if (!idNumber.isString() || idNumber.stringValue().isBlank()) {
            throw new InvalidInputException(List.of(new FieldError("idNumber", "is required")));
        }
        String number = ResidentIdNumber.normalise(idNumber.stringValue().strip());
        ResidentIdNumber.problem(number, null, null).ifPresent(problem -> {
            throw new InvalidInputException(List.of(new FieldError("idNumber", problem)));
        });
        List<Found> found = byIdNumber(number);
        audit.read(found.stream().map(Found::householdId).toList());
        return found;
    }

    List<Found> byIdNumber(String idNumber) {
        return jdbc
                .query(
                        """
                        SELECT m.household_id, h.region_code, m.member_id FROM household_member m
                          JOIN household h ON h.household_id = m.household_id
                         WHERE m.id_number_hmac = ? ORDER BY m.household_id""",
                        (rs, n) -> new Found(rs.getString(1), rs.getString(2), rs.getString(3)),
                        cipher.lookupHash(idNumber))
                .stream()
                .filter(found -> scope.covers(found.regionCode()))
                .toList();
    }
}
