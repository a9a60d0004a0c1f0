package cn.fupin.household;

import java.util.List;

import cn.fupin.system.access.RegionScope;
import cn.fupin.system.crypto.IdNumberCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Finds a person by ID number without decrypting the registry: the number's keyed hash is looked up in the
 * indexed hash column. Only households within the user's region are answered.
 */
@Service
class HouseholdLookup {

    /** Where the person is registered: household, its region, and the member. */
    record Found(String householdId, String regionCode, String memberId) {
    }

    private final JdbcTemplate jdbc;
    private final IdNumberCipher cipher;
    private final RegionScope scope;

    HouseholdLookup(JdbcTemplate jdbc, IdNumberCipher cipher, RegionScope scope) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.scope = scope;
    }

    List<Found> byIdNumber(String idNumber) {
        return jdbc.query("""
                        SELECT m.household_id, h.region_code, m.member_id FROM household_member m
                          JOIN household h ON h.household_id = m.household_id
                         WHERE m.id_number_hmac = ? ORDER BY m.household_id""",
                        (rs, n) -> new Found(rs.getString(1), rs.getString(2), rs.getString(3)),
                        cipher.lookupHash(idNumber)).stream()
                .filter(found -> scope.covers(found.regionCode())).toList();
    }
}
