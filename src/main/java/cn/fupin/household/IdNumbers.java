package cn.fupin.household;

import java.util.regex.Pattern;

/**
 * How ID numbers are shown: masked by default, {@code 520102********1234} (the region of registration and the
 * last four characters stay, so a case worker can tell members apart and check a card against a person's
 * document; the birth date does not show). Full numbers only to a user holding ID_NUMBER_READER who asks.
 */
public final class IdNumbers {

    private static final Pattern MASKED = Pattern.compile("\\d{6}\\*{8}[0-9X]{4}");

    private IdNumbers() {
    }

    public static String mask(String idNumber) {
        if (idNumber == null || idNumber.length() <= 10) {
            return idNumber == null ? null : "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10) + idNumber.substring(idNumber.length() - 4);
    }

    /** Whether a value sent by a client is a masked number (as shown by this service), not a full one. */
    public static boolean isMasked(String value) {
        return value != null && MASKED.matcher(value).matches();
    }

    /** The household as shown to a user who may not, or did not ask to, see full ID numbers. */
    public static Household masked(Household h) {
        return new Household(h.householdId(), h.regionCode(), h.status(), h.incomePerCapita(), h.housingGrade(),
                h.safeDrinkingWater(), h.roadAccess(), h.industryProjects(), h.linkedToEnterprise(), h.causes(),
                h.suddenHardship(), h.members().stream().map(m -> new Member(m.memberId(), mask(m.idNumber()), m.name(),
                        m.relation(), m.sex(), m.birthDate(), m.health(), m.disabilityGrade(), m.labourAbility(),
                        m.employed(), m.seekingWork(), m.hasSkill(), m.schooling(), m.medicalInsurance())).toList());
    }

    public static StoredHousehold masked(StoredHousehold stored) {
        return new StoredHousehold(masked(stored.household()), stored.version());
    }
}
