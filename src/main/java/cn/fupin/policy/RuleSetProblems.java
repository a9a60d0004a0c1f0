package cn.fupin.policy;

import cn.fupin.system.FieldError;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The rules' own errors as problem documents: a folder refused by the gate, and an evaluation date before a
 * standard's first value. Before the shared advice, whose catch-all would otherwise answer them with 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RuleSetProblems {

    @ExceptionHandler(StandardNotInForceException.class)
    ProblemDetail standardNotInForce(StandardNotInForceException e) {
        List<String> names = e.missing().stream().map(StandardName::key).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "No value is in force on " + e.date() + " for " + String.join(", ", names)
                        + ": a household cannot be evaluated before its standards exist");
        problem.setTitle("Standard not in force");
        problem.setProperty("standards", names);
        problem.setProperty(
                "errors", List.of(new FieldError("asOf", "is before the first value of " + String.join(", ", names))));
        return problem;
    }

    @ExceptionHandler(RuleSetRefusedException.class)
    ProblemDetail ruleSetRefused(RuleSetRefusedException e) {
        ValidationReport report = e.report();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
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
}
