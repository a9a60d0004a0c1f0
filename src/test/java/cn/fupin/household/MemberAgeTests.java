package cn.fupin.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MemberAgeTests {

    static Member bornOn(String date) {
        LocalDate birth = LocalDate.parse(date);
        return new Member(
                "m",
                ResidentIdNumber.of("520102", birth, Sex.MALE, 1),
                "x",
                Relation.HEAD,
                Sex.MALE,
                birth,
                Health.HEALTHY,
                0,
                LabourAbility.NORMAL,
                false,
                false,
                false,
                Schooling.NONE,
                true);
    }

    @Test
    void aPersonIsAYearOlderOnTheBirthdayItself() {
        assertThat(bornOn("2004-06-30").ageOn(LocalDate.parse("2020-06-29"))).isEqualTo(15);
        assertThat(bornOn("2004-06-30").ageOn(LocalDate.parse("2020-06-30"))).isEqualTo(16);
    }

    @Test
    void someoneBornOn29FebruaryIsAYearOlderOn1MarchInCommonYears() {
        Member leapling = bornOn("2004-02-29");
        assertThat(leapling.ageOn(LocalDate.parse("2021-02-28"))).isEqualTo(16);
        assertThat(leapling.ageOn(LocalDate.parse("2021-03-01"))).isEqualTo(17);
        assertThat(leapling.ageOn(LocalDate.parse("2024-02-29"))).isEqualTo(20);
    }

    @Test
    void theDescriptionOfAMemberCarriesNoNameOrIdNumber() {
        Member member = bornOn("1975-01-01");
        assertThat(member.toString()).doesNotContain(member.idNumber()).doesNotContain(member.name());
    }
}
