package cn.fupin.report;

import java.util.List;

/**
 * The blind spots of the coverage report, each a set of households: the FROM and WHERE of its query, with
 * the region prefix as the first parameter and, for a stale evaluation, the versions that decide as the active
 * rule set does.
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
            """);

    private final String path;
    private final String from;

    BlindSpot(String path, String from) {
        this.path = path;
        this.from = from;
    }

    String path() {
        return path;
    }

    /** @param current the versions deciding as the active one (used by the stale evaluations only) */
    String from(List<String> current) {
        return this == STALE_EVALUATION ? from.formatted(placeholders(current)) : from;
    }

    Object[] parameters(String like, List<String> current) {
        if (this != STALE_EVALUATION) {
            return new Object[] {like};
        }
        List<Object> parameters = new java.util.ArrayList<>(current);
        parameters.add(0, like);
        return parameters.toArray();
    }

    static String placeholders(List<String> values) {
        return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
    }

    static java.util.Optional<BlindSpot> ofPath(String path) {
        return java.util.Arrays.stream(values()).filter(s -> s.path.equals(path)).findFirst();
    }
}
