package cn.fupin.system;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes ID numbers out of text the service did not write itself before it is shown or kept: a path typed
 * with an ID number where a household id belongs would otherwise come back in the error, and stay in the
 * audit trail, which nothing can change.
 */
public final class PersonalData {

    private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])");

    private PersonalData() {}

    /** The text with every valid ID number in it masked ({@code 520102************}, as the registry shows them). */
    public static String redact(String text) {
        if (text == null || text.length() < 18) {
            return text;
        }
        Matcher m = CANDIDATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String number = m.group().toUpperCase(Locale.ROOT);
            String shown = IdNumberFormat.problem(number).isEmpty() ? IdNumberFormat.mask(number) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }
}
