package cn.fupin.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fupin.system.FieldError;
import cn.fupin.system.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class HouseholdReaderTests {

    final HouseholdReader reader =
            new HouseholdReader(Clock.fixed(Instant.parse("2026-06-30T00:00:00Z"), ZoneId.of("Asia/Shanghai")));

    List<FieldError> errorsOf(JsonNode json) {
        try {
            reader.read(json);
            return List.of();
        } catch (InvalidInputException e) {
            return e.errors();
        }
    }

    List<String> fieldsOf(JsonNode json) {
        return errorsOf(json).stream().map(FieldError::field).toList();
    }

    @Test
    void aValidHouseholdIsRead() {
        Household household = reader.read(HouseholdJson.household());
        assertThat(household.members()).hasSize(2);
        assertThat(household.causes()).containsExactly(Cause.ILLNESS);
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        ObjectNode h = HouseholdJson.household();
        h.put("regionCode", "5201")
                .put("status", "RICH")
                .put("incomePerCapita", -1)
                .remove("roadAccess");
        ((ObjectNode) h.get("members").get(0)).put("health", "TIRED").put("disabilityGrade", 7);
        ((ObjectNode) h.get("members").get(1)).put("birthDate", "2008-03-16").put("employed", "no");
        assertThat(fieldsOf(h))
                .containsExactlyInAnyOrder(
                        "regionCode",
                        "status",
                        "incomePerCapita",
                        "roadAccess",
                        "members[0].health",
                        "members[0].disabilityGrade",
                        "members[1].idNumber",
                        "members[1].employed");
    }

    @Test
    void aDuplicateMemberOrIdNumberIsRefused() {
        ObjectNode h = HouseholdJson.household();
        ((ArrayNode) h.get("members")).add(h.get("members").get(0).deepCopy());
        assertThat(fieldsOf(h)).containsExactlyInAnyOrder("members[2].memberId", "members[2].idNumber");
    }

    @Test
    void aRepeatedOrUnknownCauseIsRefused() {
        ObjectNode h = HouseholdJson.household();
        h.putArray("causes").add("ILLNESS").add("ILLNESS").add("BAD_LUCK");
        assertThat(fieldsOf(h)).containsExactlyInAnyOrder("causes[1]", "causes[2]");
    }

    @Test
    void aHouseholdWithoutMembersOrWithMoreThanFiftyIsRefused() {
        ObjectNode none = HouseholdJson.household();
        none.putArray("members");
        assertThat(fieldsOf(none)).containsExactly("members");

        ObjectNode many = HouseholdJson.household();
        ArrayNode members = many.putArray("members");
        for (int i = 0; i < 51; i++) {
            members.add(HouseholdJson.member("m" + i, "1980-01-01", "MALE", i + 1));
        }
        assertThat(fieldsOf(many)).containsExactly("members");
    }

    @Test
    void aBirthDateInTheFutureIsRefused() {
        ObjectNode h = HouseholdJson.household();
        ((ObjectNode) h.get("members").get(0)).put("birthDate", "2026-07-01");
        assertThat(fieldsOf(h)).contains("members[0].birthDate");
    }

    @Test
    void aLowerCaseXInTheIdNumberIsReadAsX() {
        ObjectNode h = HouseholdJson.household();
        String number = "11010519491231002X";
        ((ObjectNode) h.get("members").get(0))
                .put("idNumber", number.toLowerCase())
                .put("birthDate", "1949-12-31")
                .put("sex", "FEMALE");
        assertThat(reader.read(h).members().get(0).idNumber()).isEqualTo(number);
    }

    @Test
    void anIncomeWithMoreThanTwoDecimalsOrAsTextIsRefused() {
        assertThat(fieldsOf(HouseholdJson.household().put("incomePerCapita", 3800.123)))
                .containsExactly("incomePerCapita");
        assertThat(fieldsOf(HouseholdJson.household().put("incomePerCapita", "3800")))
                .containsExactly("incomePerCapita");
    }

    @Test
    void errorMessagesNeverRepeatTheIdNumberOrName() {
        ObjectNode h = HouseholdJson.household();
        ObjectNode member = (ObjectNode) h.get("members").get(0);
        String number = member.get("idNumber").asString();
        member.put("birthDate", "1975-01-02");
        assertThat(errorsOf(h))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.message()).doesNotContain(number).doesNotContain("张三"));
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> reader.read(HouseholdJson.JSON.createArrayNode()))
                .isInstanceOf(InvalidInputException.class);
    }
}
