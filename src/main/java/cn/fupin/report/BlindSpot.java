package cn.fupin.report;

import cn.fupin.system.SqlLists;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The blind spots of the coverage report (工作死角盲区: "不落一户"), each a set of households: the FROM and
 * WHERE of its query, with the region prefix as the first parameter and then what {@link Bounds} gives it.
 * The last three are households whose latest evaluation no longer speaks for them.
 */
enum BlindSpot {

    /** A POOR household with no current measure at all: nobody is helping it. */
    POOR_WITHOUT_RECOMMENDATION("poor-without-recommendation", """
            FROM household h
             WHERE h.region_code LIKE ? AND h.status = 'POOR'
               AND NOT EXISTS (SELECT 1 FROM recommendation r WHERE r.household_id = h.household_id AND r.current_flag = 1)
            """),
    /** Registered, never evaluated. */
    NEVER_EVALUATED("never-evaluated", """
            FROM household h LEFT JOIN household_evaluated e ON e.household_id = h.household_id
             WHERE h.region_code LIKE ? AND e.household_id IS NULL
            """),
    /**
     * Last evaluated with a rule set that decides differently from the active one: its measures may be out of
     * date. A version that differs only in its quality rules decides the same.
     */
    STALE_EVALUATION("stale-evaluation", """
            FROM household h JOIN household_evaluated e ON e.household_id = h.household_id
             WHERE h.region_code LIKE ? AND e.ruleset_version NOT IN (%s)
            """),
    /**
     * Edited after its last evaluation (PUT or import): its measures are those of facts it no longer has. The
     * list reads the household's own version; the report counts the copy kept beside the evaluation.
     */
    EDITED_SINCE_EVALUATION("edited-since-evaluation", """
            FROM household h JOIN household_evaluated e ON e.household_id = h.household_id
             WHERE h.region_code LIKE ? AND h.version > e.household_version
            """),
    /**
     * Last evaluated for a date before {@link Bounds#overdueBefore()}: not screened this month (一月一排查), its
     * ages and standards are those of that date.
     */
    OVERDUE_EVALUATION("overdue-evaluation", """
            FROM household h JOIN household_evaluated e ON e.household_id = h.household_id
             WHERE h.region_code LIKE ? AND e.evaluated_on < ?
            """);

    /**
     * What the blind spots are measured against now: the active rule set, the versions that decide as it does,
     * and the day before which an evaluation is overdue.
     */
    record Bounds(String rulesetVersion, List<String> decidingAsActive, LocalDate overdueBefore) {}

    private final String path;
    private final String from;

    BlindSpot(String path, String from) {
        this.path = path;
        this.from = from;
    }

    String path() {
        return path;
    }

    String from(Bounds bounds) {
        return this == STALE_EVALUATION
                ? from.formatted(SqlLists.marks(bounds.decidingAsActive().size()))
                : from;
    }

    Object[] parameters(String like, Bounds bounds) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(like);
        if (this == STALE_EVALUATION) {
            parameters.addAll(bounds.decidingAsActive());
        } else if (this == OVERDUE_EVALUATION) {
            parameters.add(Date.valueOf(bounds.overdueBefore()));
        }
        return parameters.toArray();
    }

    static Optional<BlindSpot> ofPath(String path) {
        return Arrays.stream(values()).filter(s -> s.path.equals(path)).findFirst();
    }

    /** The paths of every blind spot, for an answer naming them. */
    static String paths() {
        return String.join(", ", Arrays.stream(values()).map(BlindSpot::path).toList());
    }
}
