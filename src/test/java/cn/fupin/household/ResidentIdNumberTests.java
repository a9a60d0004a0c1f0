package cn.fupin.household;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.system.IdNumberFormat;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResidentIdNumberTests {

    private static final LocalDate BIRTH = LocalDate.of(1975, 1, 1);

    @Test
    void aNumberMadeForABirthDateAndSexIsAccepted() {
        String number = ResidentIdNumber.of("520102", BIRTH, Sex.MALE, 1);
        assertThat(ResidentIdNumber.problem(number, BIRTH, Sex.MALE)).isEmpty();
    }

    @Test
    void theCheckDigitFollowsGb11643() {
        // The standard's own example: 11010519491231002X.
        assertThat(IdNumberFormat.checkChar("11010519491231002")).isEqualTo('X');
        assertThat(ResidentIdNumber.problem("11010519491231002X", LocalDate.of(1949, 12, 31), Sex.FEMALE))
                .isEmpty();
    }

    @Test
    void aWrongCheckDigitIsRefused() {
        String number = ResidentIdNumber.of("520102", BIRTH, Sex.MALE, 1);
        char wrong = number.charAt(17) == '0' ? '1' : '0';
        assertThat(ResidentIdNumber.problem(number.substring(0, 17) + wrong, BIRTH, Sex.MALE))
                .get()
                .asString()
                .contains("check digit");
    }

    @Test
    void aBirthDateOrSexThatDisagreesWithTheMemberIsRefused() {
        String number = ResidentIdNumber.of("520102", BIRTH, Sex.MALE, 1);
        assertThat(ResidentIdNumber.problem(number, BIRTH.plusDays(1), Sex.MALE))
                .get()
                .asString()
                .contains("birth date");
        assertThat(ResidentIdNumber.problem(number, BIRTH, Sex.FEMALE))
                .get()
                .asString()
                .contains("sex");
    }

    @Test
    void residencePermitsOfHongKongMacaoAndTaiwanAreAccepted() {
        for (String prefix : new String[] {"810000", "820000", "830000"}) {
            String number = ResidentIdNumber.of(prefix, BIRTH, Sex.FEMALE, 3);
            assertThat(ResidentIdNumber.problem(number, BIRTH, Sex.FEMALE))
                    .as(prefix)
                    .isEmpty();
        }
    }

    @Test
    void anUnknownProvinceWrongLengthOrLettersAreRefused() {
        String number = ResidentIdNumber.of("990102", BIRTH, Sex.MALE, 1);
        assertThat(ResidentIdNumber.problem(number, BIRTH, Sex.MALE))
                .get()
                .asString()
                .contains("province");
        assertThat(ResidentIdNumber.problem("52010219750101", BIRTH, Sex.MALE))
                .get()
                .asString()
                .contains("18");
        assertThat(ResidentIdNumber.problem("52010219750101AB1X", BIRTH, Sex.MALE))
                .get()
                .asString()
                .contains("digits");
    }

    @Test
    void aNumberEncodingNoRealDateIsRefused() {
        String first17 = "52010219750230123"; // 30 February
        String number = first17 + IdNumberFormat.checkChar(first17);
        assertThat(ResidentIdNumber.problem(number, null, null))
                .get()
                .asString()
                .contains("valid birth date");
    }
}
