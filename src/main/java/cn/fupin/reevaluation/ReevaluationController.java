package cn.fupin.reevaluation;

import cn.fupin.system.FieldErrors;
import cn.fupin.system.NotFoundException;
import cn.fupin.system.QueryParameters;
import cn.fupin.system.access.RegionScope;
import cn.fupin.system.audit.AuditTrail;
import cn.fupin.system.audit.Audited;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;

/**
 * Bulk re-evaluations and dry runs, their progress and their diffs (role POLICY), within the user's region: a
 * run is started over the requested region narrowed to it; a run over another region is 404; of a run over a
 * larger area the user sees the progress counters (the run's) and only the user's households in its changes,
 * summary and skipped list, and cannot stop or resume it. Reads of the changes are audited.
 */
@RestController
class ReevaluationController {

    private static final int MAX_PAGE_SIZE = 1000;
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final Reevaluations reevaluations;
    private final ReevaluationDiff diff;
    private final ReevaluationSummary summary;
    private final Clock clock;
    private final RegionScope scope;
    private final AuditTrail audit;
    private final CandidateFolders candidates;
    private final RunAuditCheck auditCheck;

    ReevaluationController(
            Reevaluations reevaluations,
            ReevaluationDiff diff,
            ReevaluationSummary summary,
            Clock clock,
            RegionScope scope,
            AuditTrail audit,
            CandidateFolders candidates,
            RunAuditCheck auditCheck) {
        this.auditCheck = auditCheck;
        this.scope = scope;
        this.candidates = candidates;
        this.audit = audit;
        this.reevaluations = reevaluations;
        this.diff = diff;
        this.summary = summary;
        this.clock = clock;
    }

    private static boolean hasRole(Authentication user, String role) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }

    /** The body of a request, for the published contract. */
    @Schema(name = "ReevaluationRequest")
    record Request(
            @Schema(
                    description = "the evaluation date; today (Asia/Shanghai) when absent",
                    format = "date",
                    example = "2020-06-30")
            String asOf,

            @Schema(
                    description = "a region code prefix of up to 6 digits; the whole province when absent",
                    example = "5201")
            String regionCode,

            @Schema(
                    description = "simulate: compute the diff against what is recorded and record nothing",
                    defaultValue = "false")
            Boolean dryRun,

            @Schema(
                    description = "dry run only: proposed dated values of standards' province-wide series",
                    example = "{\"dibao_standard\": {\"2020-07-01\": 5000}}")
            Map<String, Map<String, Number>> standards,

            @Schema(
                    description = "dry run only: a candidate rules folder on the server; it must compile and pass "
                            + "its scenarios")
            String rulesDir,

            @Schema(
                    description = "run the quality checks (rules/quality) alone: record their findings, evaluate "
                            + "nothing; the quality report reads them",
                    defaultValue = "false")
            Boolean qualityOnly) {}

    record Started(String reevaluationId) {}

    @Operation(
            summary = "Re-evaluate every household under a region prefix (all when absent), or simulate it "
                    + "(dryRun, optionally with proposed standards or a candidate rules folder), or check the records only "
                    + "(qualityOnly); answers 202 at once")
    @ApiResponse(responseCode = "202", description = "the run is recorded and started; follow it at Location")
    @ApiResponse(responseCode = "400", description = "bad fields, each named; asOf after today for a run that records")
    @ApiResponse(responseCode = "403", description = "a candidate rulesDir asked by a user below province level")
    @ApiResponse(responseCode = "409", description = "a run over some of the same households is running")
    @ApiResponse(
            responseCode = "422",
            description = "the candidate rules folder does not pass, or a standard has no " + "value on asOf")
    @Audited("REEVALUATION_START")
    @PostMapping(path = "/api/reevaluations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Started> start(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = Request.class)))
                    @RequestBody(required = false)
                    JsonNode body,
            Authentication user) {
        ReevaluationRequest request = ReevaluationRequest.read(body, clock, candidates);
        // A candidate folder is DRL compiled on the server: the province's rules office, or an ADMIN, only.
        if (request.rulesDir() != null
                && !(hasRole(user, "ADMIN") || scope.prefix().length() <= 2)) {
            throw new AccessDeniedException("A candidate rules folder is for ADMIN or a province-level POLICY user");
        }
        String id = reevaluations.start(request.within(scope.narrow(request.regionPrefix())), user.getName());
        return ResponseEntity.accepted()
                .location(URI.create("/api/reevaluations/" + id))
                .body(new Started(id));
    }

    @Operation(summary = "Every run, newest first, with its state and counters; page from 0")
    @GetMapping("/api/reevaluations")
    Reevaluations.RunPage list(
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        FieldErrors errors = new FieldErrors();
        QueryParameters.Paging paging = QueryParameters.paging(page, size, 100, errors);
        errors.throwIfAny();
        return reevaluations.list(scope.prefix(), paging.page(), paging.size());
    }

    @Operation(
            summary = "Households the run did not evaluate, and why: a member born after its date, or (a real "
                    + "run) a latest evaluation made after the run started or on a later date, which stands")
    @Audited("REEVALUATION_SKIPPED_READ")
    @GetMapping("/api/reevaluations/{id}/skipped")
    ReevaluationDiff.SkippedPage skipped(
            @PathVariable String id,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        FieldErrors errors = new FieldErrors();
        QueryParameters.Paging paging = QueryParameters.paging(page, size, MAX_PAGE_SIZE, errors);
        errors.throwIfAny();
        ReevaluationDiff.SkippedPage skipped = diff.skipped(id, visible(id, null), paging.page(), paging.size());
        audit.read(skipped.content().stream()
                .map(ReevaluationDiff.Skipped::householdId)
                .toList());
        return skipped;
    }

    @Operation(summary = "A run's state, counters, rate and estimated finish")
    @GetMapping("/api/reevaluations/{id}")
    ReevaluationProgress progress(@PathVariable String id) {
        visible(id, null);
        return reevaluations.progress(id);
    }

    @Operation(summary = "Stop a run after the chunk it is on; it can be resumed")
    @Audited("REEVALUATION_STOP")
    @PostMapping("/api/reevaluations/{id}/stop")
    ReevaluationProgress stop(@PathVariable String id) {
        within(id);
        return reevaluations.stop(id);
    }

    @Operation(summary = "Resume a stopped or interrupted run where it left off, with the rule set it started with")
    @Audited("REEVALUATION_RESUME")
    @PostMapping("/api/reevaluations/{id}/resume")
    ReevaluationProgress resume(@PathVariable String id) {
        within(id);
        return reevaluations.resume(id);
    }

    @Operation(
            summary = "Households whose current measures the run changed: measures gained and lost, "
                    + "with member, rule and reason; page from 0; as CSV with Accept: text/csv")
    @Audited("REEVALUATION_CHANGES_READ")
    @GetMapping(path = "/api/reevaluations/{id}/changes", produces = MediaType.APPLICATION_JSON_VALUE)
    ReevaluationDiff.ChangePage changes(
            @PathVariable String id,
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        FieldErrors errors = new FieldErrors();
        String prefix = QueryParameters.regionPrefix(regionCode, errors);
        QueryParameters.Paging paging = QueryParameters.paging(page, size, MAX_PAGE_SIZE, errors);
        errors.throwIfAny();
        ReevaluationDiff.ChangePage changed = diff.page(id, visible(id, prefix), paging.page(), paging.size());
        audit.read(changed.content().stream()
                .map(ReevaluationDiff.HouseholdChange::householdId)
                .toList());
        return changed;
    }

    @Operation(
            summary = "Households whose current measures the run changed: measures gained and lost, "
                    + "with member, rule and reason; page from 0; as CSV with Accept: text/csv")
    @Audited("REEVALUATION_CHANGES_EXPORT")
    @GetMapping(
            path = {"/api/reevaluations/{id}/changes", "/api/reevaluations/{id}/changes.csv"},
            produces = "text/csv")
    ResponseEntity<StreamingResponseBody> changesCsv(
            @PathVariable String id, @RequestParam(required = false) String regionCode) {
        FieldErrors errors = new FieldErrors();
        String prefix = QueryParameters.regionPrefix(regionCode, errors);
        errors.throwIfAny();
        String within = visible(id, prefix);
        Consumer<List<String>> audited = audit.beforeEachPage("REEVALUATION_CHANGES_EXPORT", "run " + id);
        return ResponseEntity.ok()
                .contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"reevaluation-" + id + "-changes.csv\"")
                .body(out -> diff.csv(id, within, out, audited));
    }

    @Operation(
            summary = "Whether the run's audit rows account for exactly the evaluations it recorded: each chunk's "
                    + "households, versions and digest against the evaluation rows")
    @GetMapping("/api/reevaluations/{id}/audit")
    RunAuditCheck.Outcome audit(@PathVariable String id) {
        within(id);
        return auditCheck.check(id);
    }

    @Operation(summary = "Households and people gaining and losing, per measure and per region (2, 4 or 6 digits)")
    @GetMapping("/api/reevaluations/{id}/summary")
    ReevaluationSummary.Summary summary(@PathVariable String id, @RequestParam(required = false) String regionDigits) {
        FieldErrors errors = new FieldErrors();
        int digits = QueryParameters.regionDigits(regionDigits, errors);
        errors.throwIfAny();
        return summary.of(id, digits, visible(id, null));
    }

    /** 404 unless the run lies wholly within the user's region: only then may the user stop or resume it. */
    private void within(String id) {
        if (!reevaluations.find(id).regionPrefix().startsWith(scope.prefix())) {
            throw new NotFoundException("No such re-evaluation");
        }
    }

    /**
     * 404 unless the run covers some of the user's region; otherwise the region prefix to show of it: the
     * requested one (or the run's) narrowed to the user's region.
     */
    private String visible(String id, String requested) {
        Reevaluation run = reevaluations.find(id);
        if (!scope.overlaps(run.regionPrefix())) {
            throw new NotFoundException("No such re-evaluation");
        }
        String runRegion = scope.narrow(run.regionPrefix());
        if (requested == null || requested.isEmpty()) {
            return runRegion;
        }
        String asked = scope.narrow(requested);
        if (asked.startsWith(runRegion)) {
            return asked;
        }
        if (runRegion.startsWith(asked)) {
            return runRegion;
        }
        throw new NotFoundException("The run covers nothing under region " + requested);
    }
}
