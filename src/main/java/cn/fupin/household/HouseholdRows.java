package cn.fupin.household;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Locks a household and reads it with its members in one statement. Every recorded evaluation starts here,
 * so it is one round trip instead of a lock and an aggregate load of several queries.
 */
@Repository
class HouseholdRows {

    private final JdbcTemplate jdbc;

    HouseholdRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredHousehold> lock(String householdId) {
        return jdbc.query("""
                SELECT h.household_id, h.region_code, h.status, h.income_per_capita, h.housing_grade,
                       h.safe_drinking_water, h.road_access, h.industry_projects, h.linked_to_enterprise, h.causes,
                       h.sudden_hardship, h.version,
                       m.member_id, m.id_number, m.name, m.relation, m.sex, m.birth_date, m.health, m.disability_grade,
                       m.labour_ability, m.employed, m.seeking_work, m.has_skill, m.schooling, m.medical_insurance
                  FROM household h JOIN household_member m ON m.household_id = h.household_id
                 WHERE h.household_id = ?
                 ORDER BY m.position
                   FOR UPDATE
                """, HouseholdRows::read, householdId);
    }

    private static Optional<StoredHousehold> read(ResultSet rs) throws SQLException {
        List<Member> members = new ArrayList<>();
        Household household = null;
        long version = 0;
        while (rs.next()) {
            members.add(new Member(rs.getString("member_id"), rs.getString("id_number"), rs.getString("name"),
                    Relation.valueOf(rs.getString("relation")), Sex.valueOf(rs.getString("sex")),
                    rs.getDate("birth_date").toLocalDate(), Health.valueOf(rs.getString("health")),
                    rs.getInt("disability_grade"), LabourAbility.valueOf(rs.getString("labour_ability")),
                    rs.getBoolean("employed"), rs.getBoolean("seeking_work"), rs.getBoolean("has_skill"),
                    Schooling.valueOf(rs.getString("schooling")), rs.getBoolean("medical_insurance")));
            if (household == null) {
                household = new Household(rs.getString("household_id"), rs.getString("region_code"),
                        HouseholdStatus.valueOf(rs.getString("status")), rs.getBigDecimal("income_per_capita"),
                        HousingGrade.valueOf(rs.getString("housing_grade")), rs.getBoolean("safe_drinking_water"),
                        rs.getBoolean("road_access"), rs.getInt("industry_projects"),
                        rs.getBoolean("linked_to_enterprise"), Causes.split(rs.getString("causes")),
                        rs.getBoolean("sudden_hardship"), List.of());
                version = rs.getLong("version");
            }
        }
        if (household == null) {
            return Optional.empty();
        }
        Household h = household;
        return Optional.of(new StoredHousehold(new Household(h.householdId(), h.regionCode(), h.status(),
                h.incomePerCapita(), h.housingGrade(), h.safeDrinkingWater(), h.roadAccess(), h.industryProjects(),
                h.linkedToEnterprise(), h.causes(), h.suddenHardship(), members), version));
    }
}
