package cn.fupin.system;

import java.util.Map;

/** The request contradicts the current state (409): a stale version, a move a status does not allow. */
public class ConflictException extends RuntimeException {

    private final Map<String, Object> details;

    public ConflictException(String detail, Map<String, Object> details) {
        super(detail);
        this.details = Map.copyOf(details);
    }

    public Map<String, Object> details() {
        return details;
    }
}
