package cn.fupin.policy;

/** A problem in the rules folder, where policy staff can find it: the file, the line (0 if unknown), what. */
public record RuleProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
