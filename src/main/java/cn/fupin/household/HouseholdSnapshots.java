package cn.fupin.household;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The household as an evaluation records it, for its replay: every field the rules read, and no ID number,
 * not even masked. The rules never read one, and a person is found again by the lookup column of the stored
 * household, not by a copy kept with each evaluation.
 */
@Component
public class HouseholdSnapshots {

    @JsonIgnoreProperties("idNumber")
    private abstract static class WithoutIdNumber {}

    private final JsonMapper snapshots;

    HouseholdSnapshots(JsonMapper json) {
        this.snapshots =
                json.rebuild().addMixIn(Member.class, WithoutIdNumber.class).build();
    }

    public String write(Household household) {
        return snapshots.writeValueAsString(household);
    }
}
