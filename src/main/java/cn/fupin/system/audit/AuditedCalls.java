package cn.fupin.system.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The row an {@link Audited} call leaves when it did not record one itself: one per household the handler
 * reported (or the one in the path), with the answer's status as outcome. Recorded at once, and committed,
 * before the answer's body is written: a read whose row cannot be stored sends nothing.
 */
@Component
class AuditedCalls {

    private final AuditTrail trail;

    AuditedCalls(AuditTrail trail) {
        this.trail = trail;
    }

    /** Whether the call still needs its row. */
    static boolean pending(HttpServletRequest request) {
        return request.getAttribute(AuditTrail.AUDITED) == null;
    }

    void record(HttpServletRequest request, Audited audited, int status) {
        HttpStatus resolved = HttpStatus.resolve(status);
        String outcome = resolved == null ? Integer.toString(status) : resolved.name();
        @SuppressWarnings("unchecked")
        List<String> households = status < 400 ? (List<String>) request.getAttribute(AuditTrail.HOUSEHOLDS_READ) : null;
        if (households == null || households.isEmpty()) {
            // A read that found nothing is recorded too: probing by lookup leaves a trace as a 404 does.
            trail.recordAll(
                    audited.value(),
                    Collections.singletonList(pathHousehold(request)),
                    outcome,
                    households == null ? null : "nothing found");
        } else {
            trail.recordAll(audited.value(), households, outcome, null);
        }
        request.setAttribute(AuditTrail.AUDITED, Boolean.TRUE);
    }

    private static String pathHousehold(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> map && map.get("householdId") instanceof String id) {
            return id.length() > 64 ? id.substring(0, 64) : id;
        }
        return null;
    }
}
