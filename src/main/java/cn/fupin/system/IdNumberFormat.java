package cn.fupin.system;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The form of an 18-character citizen identity number (GB 11643-1999) and the one way it is masked. It lives
 * here, below every feature, because redacting text the service did not write (PersonalData) must recognise
 * and mask a number exactly as the registry checks and shows it. A number's meaning (the birth date and sex
 * it encodes) is the registry's: {@code household.ResidentIdNumber}.
 */
public final class IdNumberFormat {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARS = "10X98765432".toCharArray();

    /** Provincial codes of GB/T 2260, plus 81/82/83 of the residence permits. */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83");

    /** Characters of a number shown unmasked: its region code only. */
    private static final int SHOWN = 6;

    private IdNumberFormat() {}

    /**
     * The first problem with the number's form (length, digits, province, check digit, a real birth date), if
     * any. Redaction relies on every check: a random run of 18 digits (a temporary folder's name, a job id)
     * passes the province and check digit one time in about thirty, but rarely holds a date as well.
     */
    public static Optional<String> problem(String idNumber) {
        if (idNumber.length() != 18) {
            return Optional.of("must be 18 characters long");
        }
        if (!idNumber.substring(0, 17).chars().allMatch(Character::isDigit)
                || !(Character.isDigit(idNumber.charAt(17)) || idNumber.charAt(17) == 'X')) {
            return Optional.of("must be 17 digits followed by a digit or X");
        }
        if (!PROVINCES.contains(idNumber.substring(0, 2))) {
            return Optional.of("does not begin with a province code of GB/T 2260 (or 81/82/83 of a residence permit)");
        }
        if (checkChar(idNumber) != idNumber.charAt(17)) {
            return Optional.of("check digit does not match (GB 11643)");
        }
        if (birthDate(idNumber).isEmpty()) {
            return Optional.of("does not encode a valid birth date");
        }
        return Optional.empty();
    }

    /** The birth date in characters 7–14 ({@code yyyyMMdd}), if they are a date. */
    public static Optional<LocalDate> birthDate(String idNumber) {
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(idNumber.substring(6, 10)),
                    Integer.parseInt(idNumber.substring(10, 12)),
                    Integer.parseInt(idNumber.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** The check character for the first 17 digits (ISO 7064 MOD 11-2, where 10 is written X). */
    public static char checkChar(String idNumber) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (idNumber.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS[sum % 11];
    }

    /**
     * The number as shown to whoever may not see it in full: the region code and twelve stars (why nothing
     * more: {@code household.IdNumbers}).
     */
    public static String mask(String idNumber) {
        if (idNumber == null || idNumber.length() <= SHOWN) {
            return idNumber == null ? null : "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, SHOWN) + "*".repeat(idNumber.length() - SHOWN);
    }
}
