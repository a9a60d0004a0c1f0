package cn.fupin.policy;

import cn.fupin.system.DateParameter;
import cn.fupin.system.FieldError;
import cn.fupin.system.FieldErrors;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every standard's value in force on a date for a region, and where that value comes from. */
@RestController
class StandardsController {

    /**
     * {@code value}, {@code since} and {@code reference} are null when the standard has no value yet on that
     * date; {@code reference} names the document that set the value in force.
     */
    record StandardView(
            String name,
            String title,
            String unit,
            String source,
            @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal value,
            @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate since,
            @JsonInclude(JsonInclude.Include.ALWAYS) String region,
            @JsonInclude(JsonInclude.Include.ALWAYS) String reference) {}

    record StandardsView(LocalDate asOf, String regionCode, String rulesetVersion, List<StandardView> standards) {}

    private final ActiveRuleSet active;
    private final Clock clock;

    StandardsController(ActiveRuleSet active, Clock clock) {
        this.active = active;
        this.clock = clock;
    }

    @Operation(
            summary =
                    "Every standard in force on asOf (default today) for a region code or prefix (default: no region)")
    @GetMapping("/api/standards")
    StandardsView standards(
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String regionCode) {
        FieldErrors errors = new FieldErrors();
        LocalDate date = DateParameter.parse("asOf", asOf, clock, errors);
        String region = regionCode == null ? "" : regionCode.strip();
        if (!region.isEmpty() && !region.matches("\\d{2}|\\d{4}|\\d{6}")) {
            errors.add(new FieldError("regionCode", "must be a region code or prefix of 2, 4 or 6 digits"));
        }
        errors.throwIfAny();
        RuleSet ruleSet = active.get();
        List<StandardView> views = Arrays.stream(StandardName.values())
                .map(name -> {
                    StandardsBook.Definition definition = ruleSet.standards().definition(name);
                    StandardInForce value =
                            ruleSet.standards().inForce(name, region, date).orElse(null);
                    return new StandardView(
                            name.key(),
                            definition.title(),
                            definition.unit(),
                            definition.source(),
                            value == null ? null : value.value(),
                            value == null ? null : value.since(),
                            value == null ? null : value.region(),
                            value == null ? null : value.reference());
                })
                .toList();
        return new StandardsView(date, region.isEmpty() ? null : region, ruleSet.version(), views);
    }
}
