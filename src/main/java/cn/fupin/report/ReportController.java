package cn.fupin.report;

import java.util.ArrayList;
import java.util.List;

import cn.fupin.household.HouseholdStatus;
import cn.fupin.system.FieldError;
import cn.fupin.system.InvalidInputException;
import cn.fupin.system.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports on the stored registry. */
@RestController
class ReportController {

    private final CauseReport causes;
    private final MonitoringReport monitoring;

    ReportController(CauseReport causes, MonitoringReport monitoring) {
        this.causes = causes;
        this.monitoring = monitoring;
    }

    @Operation(summary = "People and share per primary cause, and people per secondary cause (status POOR by default)")
    @GetMapping("/api/reports/causes")
    CauseReport.Report causes(@RequestParam(required = false) String regionCode,
                              @RequestParam(required = false) String status) {
        List<FieldError> errors = new ArrayList<>();
        String prefix = QueryParameters.regionPrefix(regionCode, errors);
        HouseholdStatus wanted = QueryParameters.code("status", status, HouseholdStatus.class, HouseholdStatus.POOR, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return causes.of(prefix, wanted);
    }

    @Operation(summary = "Households and people under return-to-poverty monitoring per region (code cut to 2, 4 or "
            + "6 digits), as a share of the registered people; flagged HIGH above 10% and LOW below 3%")
    @GetMapping("/api/reports/monitoring")
    MonitoringReport.Report monitoring(@RequestParam(required = false) String regionCode,
                                       @RequestParam(required = false) String regionDigits) {
        List<FieldError> errors = new ArrayList<>();
        String prefix = QueryParameters.regionPrefix(regionCode, errors);
        int digits = QueryParameters.number("regionDigits", regionDigits, 6, 2, 6, errors);
        if (digits % 2 != 0) {
            errors.add(new FieldError("regionDigits", "must be 2 (province), 4 (city) or 6 (county)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return monitoring.of(prefix, digits);
    }
}
