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

    ReportController(CauseReport causes) {
        this.causes = causes;
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
}
