package cn.fupin.household;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The rejected lines of one import: all counted, the first {@code listed} by line number kept. A file of bad
 * lines would otherwise keep every one of them, errors and all, until the answer. Lines are not rejected in
 * line order (a household found stored in another region is rejected when its batch is stored, after later
 * lines), so the kept ones are the lowest numbers seen, not the first to come.
 */
final class RejectedLines {

    private final int listed;
    // The line with the highest number on top, to be dropped first when a lower one comes.
    private final PriorityQueue<HouseholdImport.RejectedLine> kept = new PriorityQueue<>(
            Comparator.comparingLong(HouseholdImport.RejectedLine::line).reversed());
    private long count;

    RejectedLines(int listed) {
        this.listed = listed;
    }

    void add(HouseholdImport.RejectedLine line) {
        count++;
        if (listed == 0) {
            return;
        }
        if (kept.size() < listed) {
            kept.add(line);
        } else if (line.line() < kept.peek().line()) {
            kept.poll();
            kept.add(line);
        }
    }

    long count() {
        return count;
    }

    /** The kept lines in line order. */
    List<HouseholdImport.RejectedLine> listed() {
        List<HouseholdImport.RejectedLine> lines = new ArrayList<>(kept);
        lines.sort(Comparator.comparingLong(HouseholdImport.RejectedLine::line));
        return lines;
    }

    long notListed() {
        return count - kept.size();
    }
}
