package cn.fupin.policy;

import java.time.LocalDate;
import java.util.List;

/** A household cannot be evaluated on a date before some standard the rules need has any value. */
public class StandardNotInForceException extends RuntimeException {

    private final List<StandardName> missing;
    private final LocalDate date;

    public StandardNotInForceException(List<StandardName> missing, LocalDate date, String regionCode) {
        super("no value in force on " + date + " for region " + regionCode + ": "
                + missing.stream().map(StandardName::key).toList());
        this.missing = List.copyOf(missing);
        this.date = date;
    }

    public List<StandardName> missing() {
        return missing;
    }

    public LocalDate date() {
        return date;
    }
}
