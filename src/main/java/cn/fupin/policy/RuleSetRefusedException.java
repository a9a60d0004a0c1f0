package cn.fupin.policy;

/** A rules folder that did not pass the gate (422): the report says every reason. */
public class RuleSetRefusedException extends RuntimeException {

    private final ValidationReport report;

    public RuleSetRefusedException(ValidationReport report) {
        super(report.errors().size() + " error(s), " + report.failingScenarios().size() + " failing scenario(s)");
        this.report = report;
    }

    public ValidationReport report() {
        return report;
    }
}
