package cn.fupin.quality;

import cn.fupin.household.Household;
import cn.fupin.household.HouseholdRegistry;
import cn.fupin.policy.ActiveRuleSet;
import cn.fupin.policy.RuleSet;
import cn.fupin.system.DateParameter;
import cn.fupin.system.FieldError;
import cn.fupin.system.FieldErrors;
import cn.fupin.system.InvalidInputException;
import cn.fupin.system.NotFoundException;
import cn.fupin.system.QueryParameters;
import cn.fupin.system.access.RegionScope;
import cn.fupin.system.audit.AuditTrail;
import cn.fupin.system.audit.Audited;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A household's findings on demand, and the registry's quality report with its drill-down. */
@RestController
class QualityController {

    private static final int MAX_PAGE_SIZE = 1000;
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final HouseholdRegistry registry;
    private final ActiveRuleSet active;
    private final QualityChecks checks;
    private final QualityReport report;
    private final RegionScope scope;
    private final Clock clock;
    private final AuditTrail audit;

    QualityController(
            HouseholdRegistry registry,
            ActiveRuleSet active,
            QualityChecks checks,
            QualityReport report,
            RegionScope scope,
            Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.registry = registry;
        this.active = active;
        this.checks = checks;
        this.report = report;
        this.scope = scope;
        this.clock = clock;
    }

    /** A household's findings, checked now with the active rules. */
    record HouseholdFindings(String householdId, LocalDate asOf, String rulesetVersion, List<FindingView> findings) {}

    @Operation(
            summary = "The stored household checked now by the quality rules (rules/quality) on asOf (today by "
                    + "default): every finding with its code, severity, member and sentence; an empty list when none")
    @Audited("FINDINGS_READ")
    @GetMapping("/api/households/{householdId}/findings")
    HouseholdFindings findings(@PathVariable String householdId, @RequestParam(required = false) String asOf) {
        FieldErrors errors = new FieldErrors();
        LocalDate date = DateParameter.parse("asOf", asOf, clock, errors);
        errors.throwIfAny();
        Household household = registry.find(householdId)
                .orElseThrow(() -> new NotFoundException(HouseholdRegistry.notFound(householdId)))
                .household();
        RuleSet ruleSet = active.get();
        QualityChecks.Checked checked = checks.check(ruleSet, List.of(household), date, scope.prefix());
        if (!checked.skipped().isEmpty()) {
            throw new InvalidInputException(List.of(new FieldError(
                    "asOf",
                    "is before a member's birth date ("
                            + checked.skipped().get(0).reason() + ")")));
        }
        return new HouseholdFindings(
                householdId,
                date,
                ruleSet.version(),
                FindingView.of(checked.findings().get(householdId)));
    }

    @Operation(
            summary = "Findings per code and severity, and per region (code cut to regionDigits), from the latest "
                    + "completed run that checked the whole region, with how many were fixed and how many are new since the "
                    + "run before it; before any such run, run is null and every count 0")
    @GetMapping("/api/reports/quality")
    QualityReport.Report quality(
            @RequestParam(required = false) String regionCode, @RequestParam(required = false) String regionDigits) {
        QueryParameters.RegionGrouping region = QueryParameters.regionGrouping(regionCode, regionDigits);
        return report.of(scope.narrow(region.prefix()), region.digits());
    }

    /** The drill-down's query, read and checked once for its JSON and its CSV form. */
    private record ListQuery(String prefix, String code, Severity severity, int page, int size) {}

    private ListQuery listQuery(String regionCode, String code, String severity, String page, String size) {
        FieldErrors errors = new FieldErrors();
        String prefix = QueryParameters.regionPrefix(regionCode, errors);
        if (code != null && !code.matches("[A-Z][A-Z0-9_]{0,63}")) {
            errors.add(new FieldError("code", "must be a finding code such as EXIT_NOT_ACCURATE"));
        }
        Severity wanted = QueryParameters.code("severity", severity, Severity.class, null, errors);
        QueryParameters.Paging paging = QueryParameters.paging(page, size, MAX_PAGE_SIZE, errors);
        errors.throwIfAny();
        return new ListQuery(scope.narrow(prefix), code, wanted, paging.page(), paging.size());
    }

    @Operation(
            summary = "The findings behind the quality report, by household, filtered by code and severity; page "
                    + "from 0; as CSV with Accept: text/csv")
    @Audited("FINDINGS_LIST")
    @GetMapping(path = "/api/reports/quality/findings", produces = MediaType.APPLICATION_JSON_VALUE)
    QualityReport.Page findingList(
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        ListQuery q = listQuery(regionCode, code, severity, page, size);
        QualityReport.Page found = report.findings(q.prefix(), q.code(), q.severity(), q.page(), q.size());
        audit.read(found.content().stream()
                .map(QualityReport.Line::householdId)
                .distinct()
                .toList());
        return found;
    }

    @Operation(
            summary = "The findings behind the quality report, by household, filtered by code and severity; page "
                    + "from 0; as CSV with Accept: text/csv")
    @Audited("FINDINGS_LIST")
    @GetMapping(path = "/api/reports/quality/findings", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> findingListCsv(
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String severity) {
        ListQuery q = listQuery(regionCode, code, severity, null, null);
        report.findings(q.prefix(), q.code(), q.severity(), 0, 1); // 404 before any run, before the stream starts
        Consumer<List<String>> audited = audit.beforeEachPage("FINDINGS_LIST", "csv");
        return ResponseEntity.ok()
                .contentType(CSV)
                .body(out -> report.findingsCsv(q.prefix(), q.code(), q.severity(), out, audited));
    }
}
