package cn.fupin.policy;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which rule set decides right now. */
@RestController
class RuleSetController {

    record ActiveView(String version, Instant loadedAt, int rules, List<String> files) {
    }

    private final ActiveRuleSet active;

    RuleSetController(ActiveRuleSet active) {
        this.active = active;
    }

    @Operation(summary = "The active rule set: its version, when it was loaded, its rule count and files")
    @GetMapping("/api/rulesets/active")
    ActiveView active() {
        RuleSet ruleSet = active.get();
        return new ActiveView(ruleSet.version(), ruleSet.loadedAt(), ruleSet.ruleCount(), ruleSet.files());
    }
}
