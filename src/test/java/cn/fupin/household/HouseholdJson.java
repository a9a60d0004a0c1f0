package cn.fupin.household;

import java.time.LocalDate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Households as JSON for tests: the policy's first worked example, valid in every field. */
public final class HouseholdJson {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private HouseholdJson() {}

    /** A valid household of the policy's first worked example. */
    public static ObjectNode household() {
        return household("520102-000123");
    }

    /** The same household under another id (members get ids under it). */
    public static ObjectNode household(String householdId) {
        ObjectNode h = JSON.createObjectNode();
        h.put("householdId", householdId)
                .put("regionCode", "520102")
                .put("status", "POOR")
                .put("incomePerCapita", 3800)
                .put("housingGrade", "B")
                .put("safeDrinkingWater", true)
                .put("roadAccess", true)
                .put("industryProjects", 0)
                .put("linkedToEnterprise", false)
                .put("suddenHardship", false);
        h.putArray("causes").add("ILLNESS");
        ArrayNode members = h.putArray("members");
        members.add(member(householdId + "-01", "1975-01-01", "MALE", 1));
        members.add(member(householdId + "-02", "2008-03-15", "FEMALE", 2));
        return h;
    }

    public static ObjectNode member(String memberId, String birthDate, String sex, int sequence) {
        ObjectNode m = JSON.createObjectNode();
        m.put("memberId", memberId)
                .put("idNumber", ResidentIdNumber.of("520102", LocalDate.parse(birthDate), Sex.valueOf(sex), sequence))
                .put("name", "张三")
                .put("relation", "HEAD")
                .put("sex", sex)
                .put("birthDate", birthDate)
                .put("health", "HEALTHY")
                .put("disabilityGrade", 0)
                .put("labourAbility", "NORMAL")
                .put("employed", false)
                .put("seekingWork", true)
                .put("hasSkill", false)
                .put("schooling", "NONE")
                .put("medicalInsurance", true);
        return m;
    }
}
