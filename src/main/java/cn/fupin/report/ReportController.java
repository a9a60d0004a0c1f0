package cn.fupin.report;

import java.util.ArrayList;
import java.util.List;

import cn.fupin.household.HouseholdStatus;
import cn.fupin.system.FieldError;
import cn.fupin.system.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports on the stored registry. */
@RestController
class ReportController {

    private final CauseReport causes;

    ReportController(CauseReport causes) {
        this.causes = causes;
    }

    @Operation(summary = "People and share per primary cause, and people per secondary cause (status POOR by default)")
    @GetMapping("/api/reports/causes")
    CauseReport.Report causes(@RequestParam(required = false) String regionCode,
                              @RequestParam(required = false) String status) {
        List<FieldError> errors = new ArrayList<>();
        String prefix = regionCode == null ? "" : regionCode.strip();
        if (!prefix.matches("\\d{0,6}")) {
            errors.add(new FieldError("regionCode", "must be a prefix of a region code: up to 6 digits"));
        }
        HouseholdStatus wanted = HouseholdStatus.POOR;
        if (status != null && !status.isBlank()) {
            try {
                wanted = HouseholdStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be one of POOR, LIFTED, MONITORED"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return causes.of(prefix, wanted);
    }
}
