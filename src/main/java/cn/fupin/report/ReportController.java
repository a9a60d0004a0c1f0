package cn.fupin.report;

import cn.fupin.household.HouseholdStatus;
import cn.fupin.matching.Action;
import cn.fupin.system.FieldError;
import cn.fupin.system.FieldErrors;
import cn.fupin.system.NotFoundException;
import cn.fupin.system.QueryParameters;
import cn.fupin.system.access.RegionScope;
import cn.fupin.system.audit.AuditTrail;
import cn.fupin.system.audit.Audited;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Reports on the stored registry, narrowed to the user's region (a region outside it is 404). The lists of
 * households (coverage drill-downs, blind spots) are reads of personal data: audited, a row per household.
 */
@RestController
class ReportController {

    private static final int MAX_PAGE_SIZE = 1000;
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final CauseReport causes;
    private final MonitoringReport monitoring;
    private final CoverageReport coverage;
    private final CoverageLists lists;
    private final RegionScope scope;
    private final AuditTrail audit;

    ReportController(
            CauseReport causes,
            MonitoringReport monitoring,
            CoverageReport coverage,
            CoverageLists lists,
            RegionScope scope,
            AuditTrail audit) {
        this.scope = scope;
        this.audit = audit;
        this.causes = causes;
        this.monitoring = monitoring;
        this.coverage = coverage;
        this.lists = lists;
    }

    @Operation(
            summary = "Per action: people targeted, people with every targeted measure DELIVERED, the gap and "
                    + "the share; and the blind spots (POOR without any measure, never evaluated, evaluated with another "
                    + "rule set than the active one, edited since the last evaluation, last evaluated for a date before "
                    + "overdueBefore)")
    @GetMapping("/api/reports/coverage")
    CoverageReport.Report coverage(@RequestParam(required = false) String regionCode) {
        FieldErrors errors = new FieldErrors();
        String prefix = QueryParameters.regionPrefix(regionCode, errors);
        errors.throwIfAny();
        return coverage.of(scope.narrow(prefix));
    }

    /** The query of a drill-down list, read and checked once for its JSON and its CSV form. */
    private record ListQuery(String prefix, Action action, CoverageLists.Which which, int page, int size) {}

    private ListQuery listQuery(
            String regionCode, String action, String list, String page, String size, boolean needsAction) {
        FieldErrors errors = new FieldErrors();
        String prefix = QueryParameters.regionPrefix(regionCode, errors);
        Action wanted = QueryParameters.code("action", action, Action.class, null, errors);
        if (needsAction && wanted == null && !errors.names("action")) {
            errors.add(new FieldError("action", "is required: one of the actions of the coverage report"));
        }
        CoverageLists.Which which = QueryParameters.code(
                "list",
                list == null ? null : list.toUpperCase(Locale.ROOT),
                CoverageLists.Which.class,
                CoverageLists.Which.GAP,
                errors);
        QueryParameters.Paging paging = QueryParameters.paging(page, size, MAX_PAGE_SIZE, errors);
        errors.throwIfAny();
        return new ListQuery(scope.narrow(prefix), wanted, which, paging.page(), paging.size());
    }

    @Operation(
            summary = "The households behind an action's coverage: those with a gap (default), those targeted, "
                    + "or those with someone fully served; page from 0; as CSV with Accept: text/csv")
    @Audited("COVERAGE_LIST")
    @GetMapping(path = "/api/reports/coverage/households", produces = MediaType.APPLICATION_JSON_VALUE)
    CoverageLists.Page coverageHouseholds(
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String list,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        ListQuery q = listQuery(regionCode, action, list, page, size, true);
        return reported(lists.coverage(q.prefix(), q.action(), q.which(), q.page(), q.size()));
    }

    @Operation(
            summary = "The households behind an action's coverage: those with a gap (default), those targeted, "
                    + "or those with someone fully served; page from 0; as CSV with Accept: text/csv")
    @Audited("COVERAGE_LIST")
    @GetMapping(path = "/api/reports/coverage/households", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> coverageHouseholdsCsv(
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String list) {
        ListQuery q = listQuery(regionCode, action, list, null, null, true);
        Consumer<List<String>> audited = audit.beforeEachPage("COVERAGE_LIST", "csv");
        return ResponseEntity.ok()
                .contentType(CSV)
                .body(out -> lists.coverageCsv(q.prefix(), q.action(), q.which(), out, audited));
    }

    @Operation(
            summary =
                    "The households of a blind spot: poor-without-recommendation, never-evaluated, "
                            + "stale-evaluation, edited-since-evaluation or overdue-evaluation; page from 0; as CSV with Accept: text/csv")
    @Audited("BLIND_SPOT_LIST")
    @GetMapping(path = "/api/reports/blind-spots/{kind}", produces = MediaType.APPLICATION_JSON_VALUE)
    CoverageLists.Page blindSpot(
            @PathVariable String kind,
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        BlindSpot spot = blindSpot(kind);
        ListQuery q = listQuery(regionCode, null, null, page, size, false);
        return reported(lists.blindSpot(spot, q.prefix(), q.page(), q.size()));
    }

    @Operation(
            summary =
                    "The households of a blind spot: poor-without-recommendation, never-evaluated, "
                            + "stale-evaluation, edited-since-evaluation or overdue-evaluation; page from 0; as CSV with Accept: text/csv")
    @Audited("BLIND_SPOT_LIST")
    @GetMapping(path = "/api/reports/blind-spots/{kind}", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> blindSpotCsv(
            @PathVariable String kind, @RequestParam(required = false) String regionCode) {
        BlindSpot spot = blindSpot(kind);
        ListQuery q = listQuery(regionCode, null, null, null, null, false);
        Consumer<List<String>> audited = audit.beforeEachPage("BLIND_SPOT_LIST", "csv " + kind);
        return ResponseEntity.ok().contentType(CSV).body(out -> lists.blindSpotCsv(spot, q.prefix(), out, audited));
    }

    /** Tells the audit trail which households the page holds (recorded before it is sent). */
    private CoverageLists.Page reported(CoverageLists.Page page) {
        audit.read(page.content().stream().map(CoverageLists.Line::householdId).toList());
        return page;
    }

    private static BlindSpot blindSpot(String kind) {
        return BlindSpot.ofPath(kind)
                .orElseThrow(
                        () -> new NotFoundException("No such blind spot; the blind spots are " + BlindSpot.paths()));
    }

    @Operation(summary = "People and share per primary cause, and people per secondary cause (status POOR by default)")
    @GetMapping("/api/reports/causes")
    CauseReport.Report causes(
            @RequestParam(required = false) String regionCode, @RequestParam(required = false) String status) {
        FieldErrors errors = new FieldErrors();
        String prefix = QueryParameters.regionPrefix(regionCode, errors);
        HouseholdStatus wanted =
                QueryParameters.code("status", status, HouseholdStatus.class, HouseholdStatus.POOR, errors);
        errors.throwIfAny();
        return causes.of(scope.narrow(prefix), wanted);
    }

    @Operation(
            summary = "Households and people under return-to-poverty monitoring per region (code cut to 2, 4 or "
                    + "6 digits): MONITORED households and, apart, the others on watch (MONITORING_WATCH); together as a "
                    + "share of the registered people, flagged HIGH above 10% and LOW below 3%")
    @GetMapping("/api/reports/monitoring")
    MonitoringReport.Report monitoring(
            @RequestParam(required = false) String regionCode, @RequestParam(required = false) String regionDigits) {
        QueryParameters.RegionGrouping region = QueryParameters.regionGrouping(regionCode, regionDigits);
        return monitoring.of(scope.narrow(region.prefix()), region.digits());
    }
}
