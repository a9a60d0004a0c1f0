package cn.fupin.household;

import cn.fupin.system.audit.AuditTrail;
import cn.fupin.system.crypto.IdNumberCipher;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores many households at once with batched statements (rewritten into multi-row statements on MySQL):
 * an import of a province would otherwise be hundreds of thousands of aggregate saves. A replaced
 * household gets its version bumped and its members rewritten, as a PUT would.
 */
@Repository
class HouseholdBatchWrites {

    private final NamedParameterJdbcTemplate jdbc;

    private final ApplicationEventPublisher events;
    private final IdNumberCipher cipher;
    private final AuditTrail audit;

    HouseholdBatchWrites(
            NamedParameterJdbcTemplate jdbc,
            ApplicationEventPublisher events,
            IdNumberCipher cipher,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.events = events;
        this.cipher = cipher;
        this.audit = audit;
    }

    /** Creates or replaces every household of the batch, in one transaction: each is stored whole or not at all. */
    @Transactional
    void store(List<Household> households, Instant at) {
        List<String> ids = households.stream().map(Household::householdId).toList();
        jdbc.batchUpdate("""
                INSERT INTO household (household_id, region_code, status, income_per_capita, housing_grade,
                       safe_drinking_water, road_access, industry_projects, linked_to_enterprise, causes, primary_cause,
                       sudden_hardship, people, version, updated_at)
                VALUES (:id, :region, :status, :income, :housing, :water, :road, :projects, :linked, :causes, :primary,
                       :hardship, :people, 0, :at)
                ON DUPLICATE KEY UPDATE region_code = VALUES(region_code), status = VALUES(status),
                       income_per_capita = VALUES(income_per_capita), housing_grade = VALUES(housing_grade),
                       safe_drinking_water = VALUES(safe_drinking_water), road_access = VALUES(road_access),
                       industry_projects = VALUES(industry_projects), linked_to_enterprise = VALUES(linked_to_enterprise),
                       causes = VALUES(causes), primary_cause = VALUES(primary_cause),
                       sudden_hardship = VALUES(sudden_hardship), people = VALUES(people), version = version + 1,
                       updated_at = VALUES(updated_at)
                """, households.stream().map(h -> household(h, at)).toArray(SqlParameterSource[]::new));
        jdbc.update("DELETE FROM household_member WHERE household_id IN (:ids)", new MapSqlParameterSource("ids", ids));
        List<SqlParameterSource> members = new ArrayList<>();
        for (Household h : households) {
            for (int i = 0; i < h.members().size(); i++) {
                members.add(member(h.householdId(), i, h.members().get(i)));
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO household_member (household_id, position, member_id, id_number_cipher, id_number_hmac, name, relation, sex,
                       birth_date, health, disability_grade, labour_ability, employed, seeking_work, has_skill,
                       schooling, medical_insurance)
                VALUES (:householdId, :position, :memberId, :idNumberCipher, :idNumberHmac, :name, :relation, :sex, :birthDate, :health,
                       :disability, :labour, :employed, :seeking, :skill, :schooling, :insured)
                """, members.toArray(SqlParameterSource[]::new));
        events.publishEvent(new HouseholdsChanged(households));
        audit.recordAll("HOUSEHOLD_IMPORT", ids, "STORED", null);
    }

    private static SqlParameterSource household(Household h, Instant at) {
        return new MapSqlParameterSource()
                .addValue("id", h.householdId())
                .addValue("region", h.regionCode())
                .addValue("status", h.status().name())
                .addValue("income", h.incomePerCapita())
                .addValue("housing", h.housingGrade().name())
                .addValue("water", h.safeDrinkingWater())
                .addValue("road", h.roadAccess())
                .addValue("projects", h.industryProjects())
                .addValue("linked", h.linkedToEnterprise())
                .addValue("causes", Causes.join(h.causes()))
                .addValue(
                        "primary",
                        h.causes().isEmpty() ? null : h.causes().get(0).name())
                .addValue("hardship", h.suddenHardship())
                .addValue("people", h.members().size())
                .addValue("at", Timestamp.from(at));
    }

    private SqlParameterSource member(String householdId, int position, Member m) {
        return new MapSqlParameterSource()
                .addValue("householdId", householdId)
                .addValue("position", position)
                .addValue("memberId", m.memberId())
                .addValue("idNumberCipher", cipher.encrypt(m.idNumber(), householdId, m.memberId()))
                .addValue("idNumberHmac", cipher.lookupHash(m.idNumber()))
                .addValue("name", m.name())
                .addValue("relation", m.relation().name())
                .addValue("sex", m.sex().name())
                .addValue("birthDate", Date.valueOf(m.birthDate()))
                .addValue("health", m.health().name())
                .addValue("disability", m.disabilityGrade())
                .addValue("labour", m.labourAbility().name())
                .addValue("employed", m.employed())
                .addValue("seeking", m.seekingWork())
                .addValue("skill", m.hasSkill())
                .addValue("schooling", m.schooling().name())
                .addValue("insured", m.medicalInsurance());
    }
}
