package cn.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.household.ResidentIdNumber;
import cn.fupin.household.Sex;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PersonalDataTests {

    @Test
    void aValidIdNumberInTextIsMaskedAndOtherNumbersStay() {
        String number = ResidentIdNumber.of("520102", LocalDate.of(1975, 1, 1), Sex.MALE, 1);
        assertThat(PersonalData.redact("/api/households/" + number + "/card"))
                .isEqualTo("/api/households/" + number.substring(0, 6) + "************" + "/card");
        assertThat(PersonalData.redact("520102-000123")).isEqualTo("520102-000123");
        assertThat(PersonalData.redact(null)).isNull();
    }
}
