package cn.fupin.household;

import cn.fupin.system.IdNumberFormat;
import java.util.regex.Pattern;

/**
 * How ID numbers are shown: masked by default, {@code 520102************}. Only the region of registration
 * stays. Everything after it would narrow the number down: characters 7–14 are the birth date, which every
 * answer shows beside the number, the 17th digit's parity is the sex, and the 18th is a check digit that
 * confirms a guess. With the region, birth date and sex known, the twelve hidden characters leave 500
 * numbers (the 3-digit sequence with its parity fixed; the check digit follows from the rest). Showing even
 * the check digit would leave about 45, so nothing of the last four shows; members are told apart by name
 * and memberId. Full numbers only to a user holding ID_NUMBER_READER who asks.
 */
public final class IdNumbers {

    private static final Pattern MASKED = Pattern.compile("\\d{6}\\*{12}");
    /**
     * The mask of exports made before the one above ({@code 520102********0031}): a file exported then and
     * imported now still stands for the stored numbers it showed, and is never produced any more.
     */
    private static final Pattern EARLIER_MASK = Pattern.compile("\\d{6}\\*{8}[0-9X]{4}");

    private IdNumbers() {}

    public static String mask(String idNumber) {
        return IdNumberFormat.mask(idNumber);
    }

    /** Whether a value sent by a client is a masked number (as shown by this service, now or before), not a full one. */
    public static boolean isMasked(String value) {
        return value != null
                && (MASKED.matcher(value).matches()
                        || EARLIER_MASK.matcher(value).matches());
    }

    /** Whether {@code masked}, in either form this service has shown, is the mask of {@code idNumber}. */
    static boolean masks(String masked, String idNumber) {
        if (idNumber == null || masked == null) {
            return false;
        }
        if (MASKED.matcher(masked).matches()) {
            return mask(idNumber).equals(masked);
        }
        return EARLIER_MASK.matcher(masked).matches()
                && idNumber.length() == 18
                && masked.equals(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
    }

    /** The household as shown to a user who may not, or did not ask to, see full ID numbers. */
    public static Household masked(Household h) {
        return h.withMembers(h.members().stream()
                .map(m -> m.withIdNumber(mask(m.idNumber())))
                .toList());
    }

    public static VersionedHousehold masked(VersionedHousehold stored) {
        return new VersionedHousehold(masked(stored.household()), stored.version());
    }
}
