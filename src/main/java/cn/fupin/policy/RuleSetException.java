package cn.fupin.policy;

import java.util.List;
import java.util.stream.Collectors;

/** The rules folder cannot become a rule set: it lists every problem found, not only the first. */
public class RuleSetException extends RuntimeException {

    private final List<RuleProblem> problems;

    public RuleSetException(List<RuleProblem> problems) {
        super("the rules cannot be loaded:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
