package cn.fupin.household;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * What someone who sees a member as an answer shows it can rebuild of the member's ID number: every
 * 18-character number of GB 11643 that agrees with the characters the mask shows, the region, the birth date
 * and the sex shown beside it, and has a valid check digit. Written apart from the service's own code (its
 * own weights and check characters) so that it checks the mask rather than repeating it.
 */
final class IdNumberCandidates {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdNumberCandidates() {}

    /**
     * The count of numbers consistent with what is shown; {@code shown} is the number as shown (a hidden
     * character is '*'), or null when no part of it is shown at all.
     */
    static int count(String shown, String regionCode, LocalDate birthDate, boolean male) {
        String known = regionCode + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE);
        String visible = shown == null ? "*".repeat(18) : shown;
        if (visible.length() != 18) {
            throw new IllegalArgumentException("not an 18-character number as shown: " + visible.length());
        }
        for (int i = 0; i < known.length(); i++) {
            if (visible.charAt(i) != '*' && visible.charAt(i) != known.charAt(i)) {
                return 0;
            }
        }
        int count = 0;
        for (int sequence = 0; sequence < 1000; sequence++) {
            if ((sequence % 2 == 1) != male) {
                continue;
            }
            String first17 = known + String.format("%03d", sequence);
            if (!agrees(visible, first17)) {
                continue;
            }
            char check = check(first17);
            if (visible.charAt(17) == '*' || visible.charAt(17) == check) {
                count++;
            }
        }
        return count;
    }

    private static boolean agrees(String visible, String first17) {
        for (int i = 14; i < 17; i++) {
            if (visible.charAt(i) != '*' && visible.charAt(i) != first17.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static char check(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += Character.digit(first17.charAt(i), 10) * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }
}
