package cn.fupin.reevaluation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.dao.EmptyResultDataAccessException;

/**
 * What a worker does with a range request from the broker: it runs the range (Spring Batch's
 * {@link StepExecutionRequestHandler}) only while the range is its run's to do and no live process holds it
 * ({@link RangeHolds}). A request for a range that has ended, of a run that has ended (a resume sends new
 * requests for what is left), or for a range another live worker runs is acknowledged and not run: running it
 * would record its households a second time. A request that cannot be read or run at all throws, and the broker
 * moves it to the queue of rejected requests.
 */
class RangeRequests {

    private static final Logger log = LoggerFactory.getLogger(RangeRequests.class);

    private final JobRepository jobs;
    private final StepExecutionRequestHandler ranges;
    private final RangeHolds holds;

    RangeRequests(JobRepository jobs, StepExecutionRequestHandler ranges, RangeHolds holds) {
        this.jobs = jobs;
        this.ranges = ranges;
        this.holds = holds;
    }

    /** Runs the range; null (nothing to reply: the manager reads the job repository). */
    public Object handle(StepExecutionRequest request) throws InterruptedException {
        long id = request.getStepExecutionId();
        StepExecution range;
        try {
            range = jobs.getStepExecution(id);
        } catch (EmptyResultDataAccessException e) {
            range = null;
        }
        if (range == null) {
            // Rejected: the broker moves it to the rejected queue, where an operator finds it with this line.
            log.error(
                    "Range request for step execution {} rejected: no such step execution in this database (is "
                            + "this worker on the manager's database?)",
                    id);
            throw new IllegalStateException("No step execution " + id + " in this database");
        }
        if (!runs(range)) {
            return null;
        }
        // The broker hands a request on when it loses a worker's connection: the worker is usually dead, and its
        // hold expires unless it is still heard from; then it is alive and finishes the range itself.
        long until = System.nanoTime() + holds.expires().toNanos() * 5 / 4;
        while (!holds.take(id)) {
            if (System.nanoTime() > until) {
                log.warn("Range step execution {} is run by another live worker; its request is dropped here", id);
                return null;
            }
            Thread.sleep(Math.max(holds.expires().toMillis() / 4, 100));
        }
        try {
            // Read again under the hold: the range may have ended while the hold was waited for.
            if (!runs(jobs.getStepExecution(id))) {
                return null;
            }
            ranges.handle(request);
            return null;
        } finally {
            holds.release(id);
        }
    }

    private static boolean runs(StepExecution range) {
        JobExecution run = range.getJobExecution();
        if (!range.getStatus().isRunning() || !run.getStatus().isRunning()) {
            log.info(
                    "Range {} of re-evaluation {} is not run: it is {} and its run {}; a resume sends its own requests",
                    range.getStepName(),
                    run.getJobParameters().getString(ReevaluationJobConfiguration.RUN_ID),
                    range.getStatus(),
                    run.getStatus());
            return false;
        }
        return true;
    }
}
