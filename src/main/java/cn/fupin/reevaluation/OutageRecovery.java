package cn.fupin.reevaluation;

import cn.fupin.system.ConflictException;
import cn.fupin.system.DatabaseUnavailable;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.task.TaskDecorator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A run ended by the database going away (restarted, failed over, unreachable) resumes by itself once the
 * database answers again: this process waits for it with a growing pause (1 s, doubling to 30 s, for at
 * most {@code app.reevaluation.outage-wait}), then marks the run FAILED where the job thread could not, and
 * resumes it after its last committed chunk. The chunk the database broke off is done again in a fresh
 * transaction: that is the retry, at the one grain where it is safe (a statement retried inside a
 * transaction the server may have half rolled back could record a household twice). Any other failure is
 * left for policy staff to look at and resume.
 */
@Component
class OutageRecovery implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(OutageRecovery.class);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final Reevaluations reevaluations;
    private final JdbcTemplate jdbc;
    private final Duration wait;

    OutageRecovery(
            @Lazy Reevaluations reevaluations,
            JdbcTemplate jdbc,
            @Value("${app.reevaluation.outage-wait:PT1H}") Duration wait) {
        this.reevaluations = reevaluations;
        this.jdbc = jdbc;
        this.wait = wait;
    }

    /** The job each of this process's job threads runs: what it was broken off by shows once it has ended. */
    private final Map<Thread, JobExecution> running = new ConcurrentHashMap<>();

    @Override
    public void beforeJob(JobExecution execution) {
        running.put(Thread.currentThread(), execution);
    }

    /**
     * Wraps a job thread's work: when it ends, a job the database broke off is taken up. Spring Batch records a
     * job's end in the database before it calls any listener's afterJob, so with the database away no listener
     * hears of the end; the thread's end is the one sure sign.
     */
    TaskDecorator decorator() {
        return job -> () -> {
            try {
                job.run();
            } finally {
                JobExecution execution = running.remove(Thread.currentThread());
                if (execution != null
                        && execution.getStatus() != BatchStatus.COMPLETED
                        && execution.getStatus() != BatchStatus.STOPPED
                        && (execution.getStatus() == BatchStatus.UNKNOWN // its end could not be recorded
                                || execution.getAllFailureExceptions().stream()
                                        .anyMatch(DatabaseUnavailable::causes))) {
                    String id = execution.getJobParameters().getString(ReevaluationJobConfiguration.RUN_ID);
                    log.warn(
                            "Re-evaluation {} was broken off by the database; it resumes when the database "
                                    + "answers again",
                            id);
                    Thread recovery = new Thread(() -> recover(id), "reevaluation-outage-" + id);
                    recovery.setDaemon(true);
                    recovery.start();
                }
            }
        };
    }

    private void recover(String id) {
        long until = System.nanoTime() + wait.toNanos();
        Duration pause = Duration.ofSeconds(1);
        try {
            while (true) {
                try {
                    jdbc.queryForObject("SELECT 1", Integer.class);
                    reevaluations.resumeAfterOutage(id);
                    return;
                } catch (RuntimeException e) {
                    if (!DatabaseUnavailable.causes(e)) {
                        throw e;
                    }
                }
                if (System.nanoTime() + pause.toNanos() > until) {
                    log.error(
                            "Re-evaluation {}: the database did not answer within {}; resume it by hand with "
                                    + "POST /api/reevaluations/{}/resume",
                            id,
                            wait,
                            id);
                    return;
                }
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        } catch (ConflictException e) {
            log.warn("Re-evaluation {} not resumed after the database came back: {}", id, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            StringBuilder causes = new StringBuilder(e.getClass().getName());
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                causes.append(" < ").append(cause.getClass().getName());
            }
            log.error(
                    "Re-evaluation {} could not be resumed after the database came back ({}); resume it by hand",
                    id,
                    causes);
        }
    }
}
