package cn.fupin.policy;

import cn.fupin.system.NotFoundException;
import cn.fupin.system.audit.Audited;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which rule set decides, which ones did before, and how policy staff check and activate a new one. */
@RestController
class RuleSetController {

    /** {@code folderRefused}: set while the folder did not pass at start and the last activated version decides. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ActiveView(
            String version, Instant loadedAt, int rules, List<String> files, ValidationReport folderRefused) {}

    record StoredView(String version, List<RuleSource> files) {}

    private final ActiveRuleSet active;
    private final RuleSetStore store;

    RuleSetController(ActiveRuleSet active, RuleSetStore store) {
        this.active = active;
        this.store = store;
    }

    @Operation(summary = "The active rule set: its version, when it was loaded, its rule count and files")
    @GetMapping("/api/rulesets/active")
    ActiveView active() {
        RuleSet ruleSet = active.get();
        return new ActiveView(
                ruleSet.version(),
                ruleSet.loadedAt(),
                ruleSet.ruleCount(),
                ruleSet.files(),
                active.refusedAtStart().orElse(null));
    }

    @Operation(summary = "Every activation of a rule set, newest first: version, replaced version, who, when")
    @GetMapping("/api/rulesets")
    List<RuleSetStore.Activation> all() {
        return store.activations();
    }

    @Operation(summary = "A rule set that was once active, with its files")
    @GetMapping("/api/rulesets/{version}")
    StoredView one(@PathVariable String version) {
        return new StoredView(
                version, store.sources(version).orElseThrow(() -> new NotFoundException("No rule set " + version)));
    }

    @Operation(
            summary =
                    "Compile the rules folder as it is now and run its scenarios; activates nothing (422 if it fails)")
    @Audited("RULES_VALIDATE")
    @PostMapping("/api/rulesets/validate")
    ValidationReport validate() {
        ValidationReport report = active.validate();
        if (!report.valid()) {
            throw new RuleSetRefusedException(report);
        }
        return report;
    }

    @Operation(summary = "Validate, then activate the folder atomically (422 and the old rules stay if anything fails)")
    @Audited("RULES_RELOAD")
    @PostMapping("/api/rulesets/reload")
    ActiveRuleSet.Reload reload(Principal user) {
        return active.reload(user.getName());
    }
}
