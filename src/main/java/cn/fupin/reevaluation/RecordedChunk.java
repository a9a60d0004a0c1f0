package cn.fupin.reevaluation;

import cn.fupin.household.VersionedHousehold;
import cn.fupin.system.PersonalData;
import cn.fupin.system.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit row of one chunk of a real run: instead of a row per household (280,000 a run, all serialised on
 * the chain's head), one row per chunk whose household is the chunk's first recorded one and whose detail
 * names the run, how many households it recorded, the last of them, and the SHA-256 over the (household,
 * version) pairs it recorded, one {@code id TAB version LF} line each in id order. The chain makes the row
 * tamper-evident; the digest ties it to the evaluation rows, so that {@link RunAuditCheck} can show that the
 * evaluations a run recorded are exactly those its audit rows say.
 */
record RecordedChunk(String reevaluationId, String first, String last, int households, String digest) {

    static final String ACTION = "EVALUATION_RECORD";

    private static final Pattern DETAIL =
            Pattern.compile("run (\\S+) recorded (\\d+) through (\\S+) pairs sha256:([0-9a-f]{64})");

    /** One id and the version its evaluation read. */
    record Pair(String householdId, long version) {}

    static RecordedChunk of(String reevaluationId, List<VersionedHousehold> recorded) {
        List<Pair> pairs = recorded.stream()
                .map(h -> new Pair(h.household().householdId(), h.version()))
                .toList();
        List<Pair> sorted = sorted(pairs);
        return new RecordedChunk(
                reevaluationId,
                sorted.get(0).householdId(),
                sorted.get(sorted.size() - 1).householdId(),
                sorted.size(),
                digestOfSorted(sorted));
    }

    /** The digest of these pairs, whatever their order. */
    static String digest(List<Pair> pairs) {
        return digestOfSorted(sorted(pairs));
    }

    private static String digestOfSorted(List<Pair> sorted) {
        MessageDigest digest = Sha256.digest();
        for (Pair p : sorted) {
            digest.update((p.householdId() + "\t" + p.version() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(digest);
    }

    /** The row's detail: within the column's 255 characters for any id of 64. */
    String detail() {
        return "run " + reevaluationId + " recorded " + households + " through " + PersonalData.redact(last)
                + " pairs sha256:" + digest;
    }

    /** A chunk's row read back: its household and detail. Null if the detail is not a chunk's. */
    static RecordedChunk parse(String householdId, String detail) {
        Matcher m = detail == null ? null : DETAIL.matcher(detail);
        if (m == null || !m.matches()) {
            return null;
        }
        return new RecordedChunk(m.group(1), householdId, m.group(3), Integer.parseInt(m.group(2)), m.group(4));
    }

    private static List<Pair> sorted(List<Pair> pairs) {
        return pairs.stream().sorted(Comparator.comparing(Pair::householdId)).toList();
    }
}
