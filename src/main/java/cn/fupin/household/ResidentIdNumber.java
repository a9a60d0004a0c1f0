package cn.fupin.household;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The 18-character citizen identity number of GB 11643-1999: a 6-digit region code, the birth date
 * (yyyyMMdd), a 3-digit sequence whose last digit is odd for men and even for women, and a check digit
 * (ISO 7064 MOD 11-2, where 10 is written X). Residence permits for people from Hong Kong, Macao and
 * Taiwan use the same layout with the prefixes 81, 82 and 83.
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARS = "10X98765432".toCharArray();

    /** Provincial codes of GB/T 2260, plus 81/82/83 of the residence permits. */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82", "83");

    private ResidentIdNumber() {
    }

    /** Upper-cases a trailing x, the only normalisation a case worker's typing needs. */
    public static String normalise(String idNumber) {
        return idNumber.toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * The first problem with the number's own form, if any, checked against the member's birth date and
     * sex (either may be null when that field is itself bad, and is then not compared).
     */
    public static Optional<String> problem(String idNumber, LocalDate birthDate, Sex sex) {
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
        Optional<LocalDate> encoded = birthDate(idNumber);
        if (encoded.isEmpty()) {
            return Optional.of("does not encode a valid birth date");
        }
        if (birthDate != null && !encoded.get().equals(birthDate)) {
            return Optional.of("encodes a birth date that differs from birthDate");
        }
        if (sex != null && sex(idNumber) != sex) {
            return Optional.of("encodes a sex (17th digit) that differs from sex");
        }
        return Optional.empty();
    }

    /** The check character for the first 17 digits. */
    public static char checkChar(String idNumber) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (idNumber.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS[sum % 11];
    }

    static Optional<LocalDate> birthDate(String idNumber) {
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(idNumber.substring(6, 10)),
                    Integer.parseInt(idNumber.substring(10, 12)),
                    Integer.parseInt(idNumber.substring(12, 14))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static Sex sex(String idNumber) {
        return (idNumber.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** A valid number for a region, birth date, sex and sequence (1–499): for tests and synthetic data. */
    public static String of(String regionCode, LocalDate birthDate, Sex sex, int sequence) {
        int seq = sequence * 2 + (sex == Sex.MALE ? 1 : 0);
        String first17 = regionCode + String.format("%04d%02d%02d%03d",
                birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth(), seq % 1000);
        return first17 + checkChar(first17);
    }
}
