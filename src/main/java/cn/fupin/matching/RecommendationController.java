package cn.fupin.matching;

import cn.fupin.household.Household;
import cn.fupin.household.HouseholdReader;
import cn.fupin.system.DateParameter;
import cn.fupin.system.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The case worker's preview: what a household is entitled to, and why, without storing anything. */
@RestController
class RecommendationController {

    private final HouseholdReader reader;
    private final HouseholdEvaluator evaluator;
    private final Clock clock;

    RecommendationController(HouseholdReader reader, HouseholdEvaluator evaluator, Clock clock) {
        this.reader = reader;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    @Operation(summary = "Evaluate a household against the active rules without storing anything")
    @PostMapping(path = "/api/recommendations", consumes = MediaType.APPLICATION_JSON_VALUE)
    Evaluation preview(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = cn.fupin.household.Household.class)))
                    @RequestBody
                    JsonNode body,
            @Parameter(description = "evaluation date, yyyy-MM-dd; today in Asia/Shanghai by default")
                    @RequestParam(required = false)
                    String asOf) {
        FieldErrors errors = new FieldErrors();
        LocalDate date = DateParameter.parse("asOf", asOf, clock, errors);
        Household household = reader.read(body, errors);
        if (household != null && date != null) {
            HouseholdEvaluator.checkBornBy(household, date, errors);
        }
        errors.throwIfAny();
        return evaluator.evaluate(household, date);
    }
}
