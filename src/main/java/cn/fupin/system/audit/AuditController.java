package cn.fupin.system.audit;

import cn.fupin.system.FieldErrors;
import cn.fupin.system.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for ADMIN: its events, newest first, and a verification of the whole chain. */
@RestController
class AuditController {

    /** {@code anchoredHeads}: how many heads anchored outside the database the chain was checked against. */
    record Verified(boolean intact, long rows, String headHash, Long brokenAt, String problem, int anchoredHeads) {}

    private final AuditChain chain;
    private final AuditAnchors anchors;

    AuditController(AuditChain chain, AuditAnchors anchors) {
        this.chain = chain;
        this.anchors = anchors;
    }

    @Operation(summary = "Audit events, newest first, optionally of one household or one user (ADMIN)")
    @GetMapping("/api/audit")
    List<AuditEvent> events(
            @RequestParam(required = false) String householdId,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        FieldErrors errors = new FieldErrors();
        QueryParameters.Paging paging = QueryParameters.paging(page, size, 500, errors);
        errors.throwIfAny();
        return chain.page(householdId, username, paging.page(), paging.size());
    }

    @Operation(
            summary =
                    "Checks the audit trail's keyed chain from its first row to its head, and every anchored head (ADMIN)")
    @GetMapping("/api/audit/verify")
    Verified verify() {
        List<AuditAnchors.Anchor> anchored = anchors.all();
        AuditChain.Verification v = chain.verify(anchored);
        return new Verified(v.intact(), v.rows(), v.headHash(), v.brokenAt(), v.problem(), anchored.size());
    }
}
