package cn.fupin.household;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import cn.fupin.system.FieldError;
import cn.fupin.system.InvalidInputException;
import cn.fupin.system.NotFoundException;
import cn.fupin.system.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
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

/** Registering, replacing, reading and listing households. */
@RestController
class HouseholdController {

    record HouseholdPage(List<StoredHousehold> content, int page, int size, long totalElements, int totalPages) {
    }

    static final int MAX_PAGE_SIZE = 200;

    private final HouseholdRegistry registry;
    private final HouseholdImport importer;
    private final HouseholdExport exporter;

    HouseholdController(HouseholdRegistry registry, HouseholdImport importer, HouseholdExport exporter) {
        this.registry = registry;
        this.importer = importer;
        this.exporter = exporter;
    }

    @Operation(summary = "Create (201) or replace (200) a household; If-Match with a stale version is 409")
    @PutMapping(path = "/api/households/{householdId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StoredHousehold> put(@PathVariable String householdId, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
                schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Household.class)))
            @RequestBody JsonNode body,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        HouseholdRegistry.Registration registration = registry.register(householdId, body, ETags.version(ifMatch));
        StoredHousehold stored = registration.stored();
        ResponseEntity.BodyBuilder response = registration.created()
                ? ResponseEntity.created(URI.create("/api/households/" + householdId))
                : ResponseEntity.ok();
        return response.eTag(ETags.of(stored.version())).body(stored);
    }

    @Operation(summary = "Import households as NDJSON (one a line): every valid line stored, every bad one reported")
    @PostMapping(path = "/api/households/import", consumes = {"application/x-ndjson", MediaType.TEXT_PLAIN_VALUE})
    HouseholdImport.Outcome importNdjson(HttpServletRequest request) throws IOException {
        return importer.importFrom(request.getInputStream());
    }

    @Operation(summary = "The stored households of a region code prefix as NDJSON, re-importable")
    @GetMapping(path = "/api/households/export", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String regionCode) {
        List<FieldError> errors = new ArrayList<>();
        String prefix = QueryParameters.regionPrefix(regionCode, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(out -> exporter.writeTo(prefix, out));
    }

    @Operation(summary = "A stored household, with its version as the ETag")
    @GetMapping("/api/households/{householdId}")
    ResponseEntity<StoredHousehold> get(@PathVariable String householdId) {
        StoredHousehold stored = registry.find(householdId)
                .orElseThrow(() -> new NotFoundException("No household " + householdId));
        return ResponseEntity.ok().eTag(ETags.of(stored.version())).body(stored);
    }

    @Operation(summary = "A page of households (page from 0), by region code prefix and status, in id order")
    @GetMapping("/api/households")
    HouseholdPage list(@RequestParam(required = false) String regionCode,
                       @RequestParam(required = false) String status,
                       @RequestParam(required = false) String page,
                       @RequestParam(required = false) String size) {
        List<FieldError> errors = new ArrayList<>();
        String prefix = QueryParameters.regionPrefix(regionCode, errors);
        HouseholdStatus wanted = QueryParameters.code("status", status, HouseholdStatus.class, null, errors);
        QueryParameters.Paging paging = QueryParameters.paging(page, size, MAX_PAGE_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Page<StoredHousehold> found = registry.page(prefix, wanted, paging.page(), paging.size());
        return new HouseholdPage(found.getContent(), paging.page(), paging.size(), found.getTotalElements(), found.getTotalPages());
    }
}
