package cn.fupin.reevaluation;

import cn.fupin.system.DateParameter;
import cn.fupin.system.FieldError;
import cn.fupin.system.FieldErrors;
import cn.fupin.system.InvalidInputException;
import cn.fupin.system.QueryParameters;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The body of {@code POST /api/reevaluations}: the date (today by default), the region prefix ("" for the
 * province), whether it is a dry run, and for a dry run an optional candidate: proposed standards and/or a
 * candidate rules folder under the candidates root ({@link CandidateFolders}); or a quality-only run, which checks the records with the quality
 * rules and records their findings, and evaluates nothing.
 */
record ReevaluationRequest(
        LocalDate asOf,
        String regionPrefix,
        boolean dryRun,
        StandardsProposal standards,
        Path rulesDir,
        boolean qualityOnly) {

    private static final Set<String> FIELDS =
            Set.of("asOf", "regionCode", "dryRun", "standards", "rulesDir", "qualityOnly");

    /**
     * A run that records (real or quality-only) records the registry as it stands: a later date would enter
     * measures and findings that are not yet due, and stand in the ledger until the next run. It is bounded
     * below per household instead ({@link LaterEvaluations}): a household evaluated on a later date is
     * skipped. A fixed lower bound would refuse the dated re-runs the office asks for (a past half-year's
     * end). A dry run records nothing and takes any date.
     */
    private static final String LATEST = "must not be after today (Asia/Shanghai) for a run that records; "
            + "simulate a later date with a dry run (dryRun: true)";

    /** The same request over another region (the requested one narrowed to the user's). */
    ReevaluationRequest within(String region) {
        return new ReevaluationRequest(asOf, region, dryRun, standards, rulesDir, qualityOnly);
    }

    boolean hasCandidate() {
        return !standards.isEmpty() || rulesDir != null;
    }

    /** @throws InvalidInputException naming every bad field */
    static ReevaluationRequest read(JsonNode body, Clock clock, CandidateFolders candidates) {
        FieldErrors errors = new FieldErrors();
        if (body == null || body.isMissingNode() || body.isNull()) {
            body = JsonNodeFactory.instance.objectNode();
        }
        if (!body.isObject()) {
            throw new InvalidInputException(List.of(new FieldError("", "must be a JSON object")));
        }
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a field of a re-evaluation; known: " + FIELDS));
            }
        }
        LocalDate asOf = DateParameter.parse("asOf", text(body, "asOf", errors), clock, errors);
        String prefix = QueryParameters.regionPrefix(text(body, "regionCode", errors), errors);
        JsonNode dryRunNode = body.path("dryRun");
        boolean dryRun = false;
        boolean dryRunKnown = true;
        if (dryRunNode.isBoolean()) {
            dryRun = dryRunNode.booleanValue();
        } else if (!dryRunNode.isMissingNode() && !dryRunNode.isNull()) {
            errors.add(new FieldError("dryRun", "must be true or false"));
            dryRunKnown = false;
        }
        JsonNode qualityNode = body.path("qualityOnly");
        boolean qualityOnly = false;
        if (qualityNode.isBoolean()) {
            qualityOnly = qualityNode.booleanValue();
        } else if (!qualityNode.isMissingNode() && !qualityNode.isNull()) {
            errors.add(new FieldError("qualityOnly", "must be true or false"));
        }
        if (qualityOnly && dryRun) {
            errors.add(
                    new FieldError("qualityOnly", "a quality-only run records findings; it cannot also be a dry run"));
        }
        StandardsProposal standards = StandardsProposal.read(body.get("standards"), errors);
        String dir = text(body, "rulesDir", errors);
        Path rulesDir = dir == null || dir.isBlank() ? null : candidates.resolve(dir, errors);
        if (dryRunKnown && !dryRun) {
            String why =
                    "is for a dry run only (dryRun: true): a real run uses the active rules; adopt a change by reloading";
            if (body.has("standards") && !body.get("standards").isNull()) {
                errors.add(new FieldError("standards", why));
            }
            if (dir != null && !errors.names("rulesDir")) {
                errors.add(new FieldError("rulesDir", why));
            }
        }
        if (dryRunKnown && !dryRun && asOf != null && asOf.isAfter(LocalDate.now(clock))) {
            errors.add(new FieldError("asOf", LATEST));
        }
        errors.throwIfAny();
        return new ReevaluationRequest(asOf, prefix, dryRun, standards, rulesDir, qualityOnly);
    }

    private static String text(JsonNode body, String field, FieldErrors errors) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            errors.add(new FieldError(field, "must be a text"));
            return null;
        }
        return node.stringValue();
    }
}
