package cn.fupin.policy;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start stopped by a broken rules folder says which file and line, and what to do. */
class RuleSetFailureAnalyzer extends AbstractFailureAnalyzer<RuleSetException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RuleSetException cause) {
        String problems = cause.problems().stream().map(p -> "    " + p).collect(Collectors.joining("\n"));
        return new FailureAnalysis(
                "The rules folder could not be compiled:\n" + problems,
                "Correct the files named above (or point app.rules-dir at a good rules folder) and start again.",
                cause);
    }
}
