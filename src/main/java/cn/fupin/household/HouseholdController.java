package cn.fupin.household;

import cn.fupin.system.FieldError;
import cn.fupin.system.FieldErrors;
import cn.fupin.system.InvalidInputException;
import cn.fupin.system.QueryParameters;
import cn.fupin.system.audit.Audited;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;

/**
 * Registering, replacing, reading and listing households, within the user's region. ID numbers are masked
 * in every answer unless a user holding ID_NUMBER_READER asks for them ({@code unmask=true}); every read is
 * audited.
 */
@RestController
class HouseholdController {

    record HouseholdPage(List<VersionedHousehold> content, int page, int size, long totalElements, int totalPages) {}

    static final int MAX_PAGE_SIZE = 200;

    private final HouseholdRegistry registry;
    private final ShownHouseholds shown;
    private final HouseholdImport importer;
    private final HouseholdExport exporter;
    private final IdNumberLookup lookup;
    private final StoredHouseholdChecks checks;

    HouseholdController(
            HouseholdRegistry registry,
            ShownHouseholds shown,
            HouseholdImport importer,
            HouseholdExport exporter,
            IdNumberLookup lookup,
            StoredHouseholdChecks checks) {
        this.registry = registry;
        this.shown = shown;
        this.importer = importer;
        this.exporter = exporter;
        this.lookup = lookup;
        this.checks = checks;
    }

    /**
     * The stored household as a PUT answers it: with the quality rules' findings on it today, as warnings
     * that never block a valid record (it is stored before it is checked).
     */
    record Written(@JsonUnwrapped Household household, long version, List<?> findings) {}

    @Operation(
            summary = "Create (201) or replace (200) a household; If-Match with a stale version is 409. The answer "
                    + "carries the quality rules' findings on the stored record (warnings; the record is stored)")
    @Audited("HOUSEHOLD_WRITE")
    @PutMapping(path = "/api/households/{householdId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Written> put(
            @PathVariable String householdId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = Household.class)))
                    @RequestBody
                    JsonNode body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        HouseholdRegistry.Registration registration = registry.register(householdId, body, ETags.version(ifMatch));
        VersionedHousehold stored = registration.stored();
        ResponseEntity.BodyBuilder response = registration.created()
                ? ResponseEntity.created(URI.create("/api/households/" + householdId))
                : ResponseEntity.ok();
        VersionedHousehold masked = IdNumbers.masked(stored);
        return response.eTag(ETags.of(stored.version()))
                .body(new Written(masked.household(), masked.version(), checks.warnings(stored.household())));
    }

    @Operation(
            summary = "Import households as NDJSON (one a line): every valid line stored, every bad one reported; "
                    + "a line older than the household stored is refused unless overwrite=true; complete says whether "
                    + "the file ended with an export's end line counting its households")
    @Audited("HOUSEHOLD_IMPORT")
    @PostMapping(
            path = "/api/households/import",
            consumes = {"application/x-ndjson", MediaType.TEXT_PLAIN_VALUE})
    HouseholdImport.Outcome importNdjson(HttpServletRequest request, @RequestParam(required = false) String overwrite)
            throws IOException {
        boolean replaceNewer = overwrite != null && overwrite.equals("true");
        if (overwrite != null && !replaceNewer && !overwrite.equals("false")) {
            throw new InvalidInputException(List.of(new FieldError("overwrite", "must be true or false")));
        }
        return importer.importFrom(request.getInputStream(), replaceNewer);
    }

    @Operation(
            summary = "The stored households of a region code prefix as NDJSON, re-importable, each with its "
                    + "version; the last line is {\"exportEnd\":true,\"households\":N}")
    @Audited("HOUSEHOLD_EXPORT")
    @GetMapping(path = "/api/households/export", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) String regionCode, @RequestParam(required = false) String unmask) {
        FieldErrors errors = new FieldErrors();
        String requested = QueryParameters.regionPrefix(regionCode, errors);
        errors.throwIfAny();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(exporter.stream(requested, unmask));
    }

    @Operation(
            summary =
                    "A stored household, with its version as the ETag; unmask=true for full ID numbers (ID_NUMBER_READER)")
    @Audited("HOUSEHOLD_READ")
    @GetMapping("/api/households/{householdId}")
    ResponseEntity<VersionedHousehold> get(
            @PathVariable String householdId, @RequestParam(required = false) String unmask) {
        VersionedHousehold household = shown.one(householdId, unmask);
        return ResponseEntity.ok().eTag(ETags.of(household.version())).body(household);
    }

    record IdNumberQuery(String idNumber) {}

    @Operation(summary = "The households within your region where a person (by ID number) is registered")
    @Audited("HOUSEHOLD_LOOKUP")
    @PostMapping(path = "/api/households/lookup", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<IdNumberLookup.Found> lookup(@RequestBody JsonNode body) {
        return lookup.find(body.path("idNumber"));
    }

    @Operation(summary = "A page of households (page from 0), by region code prefix and status, in id order")
    @Audited("HOUSEHOLD_LIST")
    @GetMapping("/api/households")
    HouseholdPage list(
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        FieldErrors errors = new FieldErrors();
        String prefix = QueryParameters.regionPrefix(regionCode, errors);
        HouseholdStatus wanted = QueryParameters.code("status", status, HouseholdStatus.class, null, errors);
        QueryParameters.Paging paging = QueryParameters.paging(page, size, MAX_PAGE_SIZE, errors);
        errors.throwIfAny();
        Page<VersionedHousehold> found = shown.page(prefix, wanted, paging.page(), paging.size());
        return new HouseholdPage(
                found.getContent(), paging.page(), paging.size(), found.getTotalElements(), found.getTotalPages());
    }
}
