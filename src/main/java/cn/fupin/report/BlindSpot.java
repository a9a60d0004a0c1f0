package cn.fupin.report;

/**
 * The blind spots of the coverage report, each a set of households: the FROM and WHERE of its query, with
 * the region prefix as the first parameter and, for a stale evaluation, the active rule set's version.
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
    /** Last evaluated with another rule set than the active one: its measures may be out of date. */
    STALE_EVALUATION("stale-evaluation", """
            FROM household h JOIN household_evaluated e ON e.household_id = h.household_id
             WHERE h.region_code LIKE ? AND e.ruleset_version <> ?
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

    String from() {
        return from;
    }

    Object[] parameters(String like, String activeVersion) {
        return this == STALE_EVALUATION ? new Object[] {like, activeVersion} : new Object[] {like};
    }

    static java.util.Optional<BlindSpot> ofPath(String path) {
        return java.util.Arrays.stream(values()).filter(s -> s.path.equals(path)).findFirst();
    }
}
