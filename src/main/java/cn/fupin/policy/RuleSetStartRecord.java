package cn.fupin.policy;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the rule set a started service decides with. Only the service does: the import command runs
 * without a web server and never compiles the rules it does not use.
 */
@Component
@ConditionalOnWebApplication
class RuleSetStartRecord {

    private final ActiveRuleSet active;

    RuleSetStartRecord(ActiveRuleSet active) {
        this.active = active;
    }

    @EventListener(ApplicationReadyEvent.class)
    void record() {
        active.recordStart();
    }
}
