package cn.fupin.reevaluation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the service starts, runs that a previous process left running (it was killed or crashed) are marked
 * FAILED so that they can be resumed, and resumed at once when {@code app.reevaluation.resume-on-start} is
 * set. Only the service does this, not the command-line tools, which may run beside it.
 */
@Component
@ConditionalOnWebApplication
class InterruptedRuns {

    private final Reevaluations reevaluations;
    private final boolean resume;

    InterruptedRuns(Reevaluations reevaluations, @Value("${app.reevaluation.resume-on-start:false}") boolean resume) {
        this.reevaluations = reevaluations;
        this.resume = resume;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recover() {
        reevaluations.recoverInterrupted(resume);
    }
}
