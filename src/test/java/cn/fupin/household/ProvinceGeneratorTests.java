package cn.fupin.household;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.household.synthetic.ProvinceGenerator;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A generated province reproduces the plan's figures exactly, scaled, with valid households throughout. */
class ProvinceGeneratorTests {

    static List<Household> generate(int people, long seed) {
        StringWriter out = new StringWriter();
        new ProvinceGenerator(seed).generate(people, out);
        HouseholdReader reader = new HouseholdReader(Clock.systemUTC());
        return out.toString()
                .lines()
                .map(line -> reader.read(HouseholdJson.JSON.readTree(line)))
                .toList();
    }

    @Test
    void aTenthOfTheProvinceHasATenthOfEachFigureRounded() {
        List<Household> province = generate(84_000, 7);
        Map<Cause, Integer> poorByPrimary = new EnumMap<>(Cause.class);
        int people = 0, poor = 0, monitored = 0, motivated = 0, illOrDisabled = 0, normal = 0, weak = 0;
        Set<String> idNumbers = new HashSet<>();
        Set<String> householdIds = new HashSet<>();
        for (Household h : province) {
            assertThat(householdIds.add(h.householdId())).isTrue();
            assertThat(h.regionCode()).startsWith("52");
            assertThat(h.members()).hasSizeBetween(1, 8);
            people += h.members().size();
            for (Member m : h.members()) {
                assertThat(idNumbers.add(m.idNumber()))
                        .as("ID numbers are unique across the registry")
                        .isTrue();
            }
            if (h.status() == HouseholdStatus.MONITORED) {
                monitored += h.members().size();
            }
            if (h.status() != HouseholdStatus.POOR) {
                continue;
            }
            poor += h.members().size();
            poorByPrimary.merge(h.causes().get(0), h.members().size(), Integer::sum);
            if (h.causes().contains(Cause.LACK_OF_MOTIVATION)) {
                motivated += h.members().size();
            }
            for (Member m : h.members()) {
                int age = m.ageOn(LocalDate.of(2020, 6, 30));
                illOrDisabled += m.health() != Health.HEALTHY || m.disabilityGrade() > 0 ? 1 : 0;
                normal += age >= 16 && m.labourAbility() == LabourAbility.NORMAL ? 1 : 0;
                weak += age >= 16 && m.labourAbility() == LabourAbility.WEAK ? 1 : 0;
            }
        }
        assertThat(people).isEqualTo(84_000);
        assertThat(province.size()).isBetween(26_000, 30_000);
        assertThat(poorByPrimary)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        Cause.ILLNESS,
                        1090,
                        Cause.DISABILITY,
                        202,
                        Cause.EDUCATION,
                        54,
                        Cause.LACK_OF_LABOUR,
                        26,
                        Cause.DISASTER,
                        14,
                        Cause.LACK_OF_FUNDS,
                        14,
                        Cause.OTHER,
                        13,
                        Cause.LACK_OF_SKILLS,
                        10));
        assertThat(poor).isEqualTo(1423);
        assertThat(motivated).isEqualTo(11);
        assertThat(illOrDisabled).isEqualTo(899);
        assertThat(normal).isEqualTo(423);
        assertThat(weak).isEqualTo(283);
        assertThat(monitored).isEqualTo(21_000);
    }

    @Test
    void theSameSeedGivesTheSameProvinceAndAnotherSeedAnotherOne() {
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        StringWriter c = new StringWriter();
        new ProvinceGenerator(7).generate(5_000, a);
        new ProvinceGenerator(7).generate(5_000, b);
        new ProvinceGenerator(8).generate(5_000, c);
        assertThat(a.toString()).isEqualTo(b.toString()).isNotEqualTo(c.toString());
    }

    @Test
    void plantingErrorsChangesOnlyThePlantedHouseholdsAndListsEveryOne() {
        StringWriter clean = new StringWriter();
        StringWriter planted = new StringWriter();
        new ProvinceGenerator(7).generate(5_000, clean);
        ProvinceGenerator.Summary summary = new ProvinceGenerator(7, 3).generate(5_000, planted);
        assertThat(summary.planted()).hasSize(33); // 3 of each of 10 kinds, a person in two households twice over
        Set<String> touched = new HashSet<>();
        summary.planted().forEach(p -> touched.add(p.householdId()));
        List<String> before = clean.toString().lines().toList();
        List<String> after = planted.toString().lines().toList();
        assertThat(after).hasSameSizeAs(before);
        Set<String> changed = new HashSet<>();
        HouseholdReader reader = new HouseholdReader(Clock.systemUTC());
        for (int i = 0; i < before.size(); i++) {
            Household h = reader.read(HouseholdJson.JSON.readTree(after.get(i))); // still a valid record
            if (!before.get(i).equals(after.get(i))) {
                changed.add(h.householdId());
            }
        }
        // The donors of the copied people are unchanged: touched, not changed.
        assertThat(touched).containsAll(changed).hasSize(changed.size() + 3);
    }
}
