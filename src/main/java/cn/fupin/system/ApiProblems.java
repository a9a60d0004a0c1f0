package cn.fupin.system;

import java.net.URI;
import java.util.List;
import java.util.Map;

import cn.fupin.policy.RuleSetRefusedException;
import cn.fupin.policy.StandardNotInForceException;
import cn.fupin.policy.ValidationReport;
import cn.fupin.policy.StandardName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Every error of the API as {@code application/problem+json} (RFC 9457), from this one place. Messages
 * never repeat what the client sent: a rejected value may be a name or an ID number.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.errors().size() == 1 ? "1 field is invalid" : e.errors().size() + " fields are invalid");
        problem.setTitle("Invalid input");
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(StandardNotInForceException.class)
    ProblemDetail standardNotInForce(StandardNotInForceException e) {
        List<String> names = e.missing().stream().map(StandardName::key).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "No value is in force on " + e.date() + " for " + String.join(", ", names)
                        + ": a household cannot be evaluated before its standards exist");
        problem.setTitle("Standard not in force");
        problem.setProperty("standards", names);
        problem.setProperty("errors", List.of(new FieldError("asOf",
                "is before the first value of " + String.join(", ", names))));
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    /** A role the request lacks for what it asked (full ID numbers without ID_NUMBER_READER). */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Forbidden");
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflict");
        e.details().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(RuleSetRefusedException.class)
    ProblemDetail ruleSetRefused(RuleSetRefusedException e) {
        ValidationReport report = e.report();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The rules folder does not pass: " + e.getMessage() + "; the active rule set is unchanged");
        problem.setTitle("Rules refused");
        problem.setProperty("errors", report.errors());
        problem.setProperty("failingScenarios", report.failingScenarios());
        problem.setProperty("scenarios", report.scenarios());
        problem.setProperty("scenariosPassed", report.scenariosPassed());
        if (report.version() != null) {
            problem.setProperty("version", report.version());
        }
        return problem;
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail payloadTooLarge(PayloadTooLargeException e) {
        return tooLarge(e);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
            }
        }
        String where = "";
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json && json.getLocation() != null) {
                TokenStreamLocation location = json.getLocation();
                where = " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
                break;
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The body is missing or is not valid JSON" + where);
        problem.setTitle("Unreadable body");
        problem.setProperty("errors", List.of(new FieldError("", "must be a JSON document" + where)));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.causes(e)) {
            log.warn("Database unavailable: {}", SafeTrace.of(e));
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The database cannot be reached; try again in " + DatabaseUnavailable.RETRY_AFTER + " s.");
            problem.setTitle("Database unavailable");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER).body(problem);
        }
        // For operators: classes and frames, never messages, which may quote a household's data.
        log.error("Unexpected error: {}", SafeTrace.of(e));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The service could not answer this request; the error has been logged.");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    private static ProblemDetail tooLarge(PayloadTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setTitle("Body too large");
        return problem;
    }

    /** The minimal problem document, for errors answered before a controller is reached. */
    static Map<String, Object> problem(HttpStatus status, String title, String detail) {
        return Map.of("type", URI.create("about:blank").toString(), "title", title,
                "status", status.value(), "detail", detail);
    }
}
