package cn.fupin.reevaluation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A bulk re-evaluation as the office asked for it, and its counters.
 *
 * @param regionPrefix       "" for the whole province
 * @param rulesetVersion     the rule set it decides with (for a dry run, the candidate's version)
 * @param baseVersion        the active rule set when it was asked for (what a candidate is built on)
 * @param standardsOverrides proposed standards of a dry run, as JSON, or null
 * @param candidateFiles     a dry run's candidate rules folder as checked, as JSON files, or null
 * @param qualityOnly        a run of the quality checks alone: it records findings and nothing else
 * @param findings           quality findings recorded so far
 * @param evaluationsBefore  the highest evaluation seq when it was asked for: a real run records no household
 *                           whose latest evaluation is later (null for runs asked for before this was kept)
 * @param seq                its number in the order runs were asked for (null until it is stored): the run a
 *                           repeat names (sql/V26)
 */
record Reevaluation(
        String reevaluationId,
        String regionPrefix,
        LocalDate asOf,
        boolean dryRun,
        String rulesetVersion,
        String baseVersion,
        String standardsOverrides,
        String candidateFiles,
        String requestedBy,
        Instant requestedAt,
        long total,
        long processed,
        long changedHouseholds,
        long skipped,
        long processedAtResume,
        boolean qualityOnly,
        long findings,
        Long evaluationsBefore,
        Long seq) {

    /** Real runs and quality-only runs record findings; a dry run records nothing. */
    boolean checksQuality() {
        return !dryRun;
    }

    /** Two runs overlap when one's region prefix contains the other's households. */
    boolean overlaps(String otherPrefix) {
        return regionPrefix.startsWith(otherPrefix) || otherPrefix.startsWith(regionPrefix);
    }
}
