package cn.fupin.system.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Anchors the audit trail's head every {@code app.audit.anchor-every} (10 minutes) while the service runs, so
 * that at most that much of the trail can be rewritten unnoticed by someone who can rewrite the database.
 * Each instance anchors into its own configured directory.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "app.audit.anchor-dir")
class AuditAnchorSchedule {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchorSchedule.class);

    private final AuditAnchors anchors;

    AuditAnchorSchedule(AuditAnchors anchors) {
        this.anchors = anchors;
    }

    @Scheduled(fixedDelayString = "${app.audit.anchor-every:10m}", initialDelayString = "${app.audit.anchor-every:10m}")
    void anchorTheHead() {
        try {
            anchors.anchor();
        } catch (RuntimeException e) {
            // The next round tries again; a failure each time shows in the log and on verification.
            log.error("Could not anchor the audit trail's head: {}", e.toString());
        }
    }
}
