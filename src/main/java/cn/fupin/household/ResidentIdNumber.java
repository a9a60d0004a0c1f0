package cn.fupin.household;

import cn.fupin.system.IdNumberFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The 18-character citizen identity number of GB 11643-1999: a 6-digit region code, the birth date
 * (yyyyMMdd), a 3-digit sequence whose last digit is odd for men and even for women, and a check digit
 * (ISO 7064 MOD 11-2, where 10 is written X). Residence permits for people from Hong Kong, Macao and
 * Taiwan use the same layout with the prefixes 81, 82 and 83. The form alone (digits, province, check digit)
 * is {@link IdNumberFormat}'s; this adds what the number says about its holder.
 */
public final class ResidentIdNumber {

    private ResidentIdNumber() {}

    /** Upper-cases a trailing x, the only normalisation a case worker's typing needs. */
    public static String normalise(String idNumber) {
        return idNumber.toUpperCase(Locale.ROOT);
    }

    /**
     * The first problem with the number's own form, if any, checked against the member's birth date and
     * sex (either may be null when that field is itself bad, and is then not compared).
     */
    public static Optional<String> problem(String idNumber, LocalDate birthDate, Sex sex) {
        Optional<String> form = IdNumberFormat.problem(idNumber);
        if (form.isPresent()) {
            return form;
        }
        LocalDate encoded = IdNumberFormat.birthDate(idNumber).orElseThrow();
        if (birthDate != null && !encoded.equals(birthDate)) {
            return Optional.of("encodes a birth date that differs from birthDate");
        }
        if (sex != null && sex(idNumber) != sex) {
            return Optional.of("encodes a sex (17th digit) that differs from sex");
        }
        return Optional.empty();
    }

    static Sex sex(String idNumber) {
        return (idNumber.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** A valid number for a region, birth date, sex and sequence (1–499): for tests and synthetic data. */
    public static String of(String regionCode, LocalDate birthDate, Sex sex, int sequence) {
        int seq = sequence * 2 + (sex == Sex.MALE ? 1 : 0);
        String first17 = regionCode
                + String.format(
                        "%04d%02d%02d%03d",
                        birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth(), seq % 1000);
        return first17 + IdNumberFormat.checkChar(first17);
    }
}
