package cn.fupin.household;

import cn.fupin.system.SqlLists;
import cn.fupin.system.crypto.IdNumberCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads households with their members in one statement: locking one (every recorded evaluation starts
 * here, so it is one round trip instead of a lock and an aggregate load), or a page of them for an export.
 */
@Repository
class HouseholdReads {

    private final JdbcTemplate jdbc;
    private final IdNumberCipher cipher;

    HouseholdReads(JdbcTemplate jdbc, IdNumberCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    private static final String COLUMNS = """
            SELECT h.household_id, h.region_code, h.status, h.income_per_capita, h.housing_grade,
                   h.safe_drinking_water, h.road_access, h.industry_projects, h.linked_to_enterprise, h.causes,
                   h.sudden_hardship, h.version,
                   m.member_id, m.id_number_cipher, m.name, m.relation, m.sex, m.birth_date, m.health, m.disability_grade,
                   m.labour_ability, m.employed, m.seeking_work, m.has_skill, m.schooling, m.medical_insurance
              FROM household h JOIN household_member m ON m.household_id = h.household_id
            """;

    Optional<VersionedHousehold> lock(String householdId) {
        List<VersionedHousehold> found = jdbc.query(
                COLUMNS + " WHERE h.household_id = ? ORDER BY m.position FOR UPDATE", this::read, householdId);
        return found.stream().findFirst();
    }

    /** The next households after {@code afterId} in id order whose region code starts with the prefix. */
    List<VersionedHousehold> page(String regionPrefix, String afterId, int size) {
        List<String> ids = jdbc.queryForList("""
                SELECT household_id FROM household WHERE region_code LIKE ? AND household_id > ?
                 ORDER BY household_id LIMIT ?
                """, String.class, regionPrefix + "%", afterId, size);
        if (ids.isEmpty()) {
            return List.of();
        }
        return byIds(ids);
    }

    /** The stored households among these ids, in id order. */
    List<VersionedHousehold> byIds(List<String> ids) {
        return byIds(ids, "");
    }

    /** As {@link #byIds(List)}, locking them for the rest of the caller's transaction. */
    List<VersionedHousehold> lockByIds(List<String> ids) {
        return byIds(ids, " FOR UPDATE");
    }

    private List<VersionedHousehold> byIds(List<String> ids, String lock) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = SqlLists.marks(ids.size());
        return jdbc.query(
                COLUMNS + " WHERE h.household_id IN (" + marks + ") ORDER BY h.household_id, m.position" + lock,
                this::read,
                ids.toArray());
    }

    /** Households from rows ordered by household and member position, one household per run of rows. */
    private List<VersionedHousehold> read(ResultSet rs) throws SQLException {
        List<VersionedHousehold> households = new ArrayList<>();
        Household household = null;
        long version = 0;
        List<Member> members = new ArrayList<>();
        while (rs.next()) {
            String id = rs.getString("household_id");
            if (household == null || !household.householdId().equals(id)) {
                if (household != null) {
                    households.add(withMembers(household, members, version));
                }
                household = new Household(
                        id,
                        rs.getString("region_code"),
                        HouseholdStatus.valueOf(rs.getString("status")),
                        rs.getBigDecimal("income_per_capita"),
                        HousingGrade.valueOf(rs.getString("housing_grade")),
                        rs.getBoolean("safe_drinking_water"),
                        rs.getBoolean("road_access"),
                        rs.getInt("industry_projects"),
                        rs.getBoolean("linked_to_enterprise"),
                        Causes.split(rs.getString("causes")),
                        rs.getBoolean("sudden_hardship"),
                        List.of());
                version = rs.getLong("version");
                members = new ArrayList<>();
            }
            String memberId = rs.getString("member_id");
            members.add(new Member(
                    memberId,
                    cipher.decrypt(rs.getString("id_number_cipher"), id, memberId),
                    rs.getString("name"),
                    Relation.valueOf(rs.getString("relation")),
                    Sex.valueOf(rs.getString("sex")),
                    rs.getDate("birth_date").toLocalDate(),
                    Health.valueOf(rs.getString("health")),
                    rs.getInt("disability_grade"),
                    LabourAbility.valueOf(rs.getString("labour_ability")),
                    rs.getBoolean("employed"),
                    rs.getBoolean("seeking_work"),
                    rs.getBoolean("has_skill"),
                    Schooling.valueOf(rs.getString("schooling")),
                    rs.getBoolean("medical_insurance")));
        }
        if (household != null) {
            households.add(withMembers(household, members, version));
        }
        return households;
    }

    private static VersionedHousehold withMembers(Household h, List<Member> members, long version) {
        return new VersionedHousehold(h.withMembers(members), version);
    }
}
