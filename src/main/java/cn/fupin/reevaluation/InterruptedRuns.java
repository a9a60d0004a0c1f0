package cn.fupin.reevaluation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the service starts, runs that a previous process left running (it was killed or crashed) are marked
 * FAILED so that they can be resumed, and resumed at once when {@code app.reevaluation.resume-on-start} is
 * set. Only the service does this, not the command-line tools, which may run beside it.
 *
 * <p>With several instances on one database ({@code app.cluster.enabled}), or with worker processes
 * ({@code app.reevaluation.remote}, {@code app.reevaluation.worker}), a run shown as running may be alive
 * in another process, so an instance does not do this unless {@code app.reevaluation.recover-on-start} says
 * so (set it only when no other instance is running a re-evaluation).
 */
@Component
@ConditionalOnWebApplication
class InterruptedRuns {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);

    private final Reevaluations reevaluations;
    private final boolean recover;
    private final boolean resume;

    InterruptedRuns(
            Reevaluations reevaluations,
            @Value("${app.cluster.enabled:false}") boolean cluster,
            @Value("${app.reevaluation.remote:false}") boolean manager,
            @Value("${app.reevaluation.worker:false}") boolean worker,
            @Value("${app.reevaluation.recover-on-start:#{null}}") Boolean recover,
            @Value("${app.reevaluation.resume-on-start:false}") boolean resume) {
        this.reevaluations = reevaluations;
        // Found by starting a worker during a remote run: it marked the live run FAILED.
        this.recover = recover != null ? recover : !(cluster || manager || worker);
        this.resume = resume;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recover() {
        if (recover) {
            reevaluations.recoverInterrupted(resume);
        } else {
            log.info("Runs left running are not recovered at start: another instance may be running them"
                    + " (app.reevaluation.recover-on-start)");
        }
    }
}
