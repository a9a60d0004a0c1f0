package cn.fupin.matching;

import cn.fupin.system.DateParameter;
import cn.fupin.system.FieldError;
import cn.fupin.system.FieldErrors;
import cn.fupin.system.QueryParameters;
import cn.fupin.system.audit.AuditTrail;
import cn.fupin.system.audit.Audited;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Recorded evaluations of stored households, and the ledger of their measures. */
@RestController
class LedgerController {

    private static final int MAX_NOTE = 500;

    private final EvaluationRecorder recorder;
    private final EvaluationHistory history;
    private final MeasureLedger ledger;
    private final EvaluationReplay replay;
    private final Clock clock;
    private final AuditTrail audit;

    LedgerController(
            EvaluationRecorder recorder,
            EvaluationHistory history,
            MeasureLedger ledger,
            EvaluationReplay replay,
            Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.recorder = recorder;
        this.history = history;
        this.ledger = ledger;
        this.replay = replay;
        this.clock = clock;
    }

    @Operation(summary = "Evaluate the stored household and record the evaluation and its recommendations")
    @Audited("EVALUATION_RECORD")
    @PostMapping("/api/households/{householdId}/evaluations")
    ResponseEntity<Evaluation> evaluate(
            @PathVariable String householdId, @RequestParam(required = false) String asOf, Principal user) {
        FieldErrors errors = new FieldErrors();
        LocalDate date = DateParameter.parse("asOf", asOf, clock, errors);
        errors.throwIfAny();
        Evaluation evaluation = recorder.record(householdId, date, user.getName());
        return ResponseEntity.created(URI.create("/api/evaluations/" + evaluation.evaluationId()))
                .body(evaluation);
    }

    @Operation(summary = "A household's evaluations, newest first")
    @Audited("EVALUATION_READ")
    @GetMapping("/api/households/{householdId}/evaluations")
    List<Evaluation> evaluations(@PathVariable String householdId) {
        return history.of(householdId);
    }

    @Operation(summary = "One recorded evaluation")
    @Audited("EVALUATION_READ")
    @GetMapping("/api/evaluations/{evaluationId}")
    Evaluation evaluation(@PathVariable String evaluationId) {
        Evaluation found = history.get(evaluationId);
        audit.read(List.of(found.householdId()));
        return found;
    }

    @Operation(summary = "Re-run a recorded evaluation with its own rule set version and input snapshot")
    @Audited("EVALUATION_REPLAY")
    @GetMapping("/api/evaluations/{evaluationId}/replay")
    EvaluationReplay.Replay replay(@PathVariable String evaluationId) {
        EvaluationReplay.Replay replayed = replay.replay(evaluationId);
        audit.read(List.of(replayed.householdId()));
        return replayed;
    }

    @Operation(summary = "A household's recommendations: all but WITHDRAWN by default, or those of one status")
    @Audited("RECOMMENDATION_READ")
    @GetMapping("/api/households/{householdId}/recommendations")
    List<LedgerEntryView> recommendations(
            @PathVariable String householdId, @RequestParam(required = false) String status) {
        FieldErrors errors = new FieldErrors();
        RecommendationStatus wanted = QueryParameters.code("status", status, RecommendationStatus.class, null, errors);
        errors.throwIfAny();
        return ledger.forHousehold(householdId, wanted);
    }

    /** The body of a status change, for the published contract. */
    record StatusMove(RecommendationStatus status, String note) {}

    @Operation(summary = "Accept, deliver or decline a recommendation (a note is required to decline)")
    @Audited("RECOMMENDATION_STATUS")
    @PatchMapping(path = "/api/recommendations/{recommendationId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    LedgerEntryView move(
            @PathVariable String recommendationId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = StatusMove.class)))
                    @RequestBody
                    JsonNode body,
            Principal user) {
        FieldErrors errors = new FieldErrors();
        RecommendationStatus next = null;
        JsonNode status = body.path("status");
        if (!status.isString() || !List.of("ACCEPTED", "DELIVERED", "DECLINED").contains(status.stringValue())) {
            errors.add(new FieldError("status", "must be ACCEPTED, DELIVERED or DECLINED"));
        } else {
            next = RecommendationStatus.valueOf(status.stringValue());
        }
        JsonNode noteNode = body.path("note");
        String note = null;
        if (!noteNode.isMissingNode() && !noteNode.isNull()) {
            if (!noteNode.isString() || noteNode.stringValue().strip().length() > MAX_NOTE) {
                errors.add(new FieldError("note", "must be a text of at most " + MAX_NOTE + " characters"));
            } else if (!noteNode.stringValue().isBlank()) {
                note = noteNode.stringValue().strip();
            }
        }
        if (next == RecommendationStatus.DECLINED && note == null && !errors.names("note")) {
            errors.add(new FieldError("note", "is required to decline: say why"));
        }
        errors.throwIfAny();
        return ledger.move(recommendationId, next, note, user.getName());
    }
}
