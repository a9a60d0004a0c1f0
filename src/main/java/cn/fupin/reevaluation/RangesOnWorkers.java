package cn.fupin.reevaluation;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.ReturnedMessage;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * The manager's side of a remote run: one request per range to the workers' queue, each confirmed by the
 * broker before the next is sent, then the ranges' state read from the job repository until every range has
 * ended. Spring Batch's MessageChannelPartitionHandler sends without waiting for the broker (a request it
 * drops, or that reaches no queue, leaves the run waiting for ever) and bounds only the whole wait, which fails
 * a slow province that is still at work, and says nothing of which ranges were missing.
 *
 * <p>Here a request the broker refuses (a negative confirm), routes to no queue (returned, as the template is
 * mandatory) or does not confirm within {@code confirmTimeout} fails the run at once; and the run fails when no
 * range has moved (committed a chunk, started or ended) for {@code stallTimeout}, naming the ranges that had not
 * ended, so that the office can resume it once their workers are back.
 */
class RangesOnWorkers extends AbstractPartitionHandler {

    private static final Logger log = LoggerFactory.getLogger(RangesOnWorkers.class);
    /** Range names in their order: "range2" before "range10". */
    static final Comparator<String> IN_ORDER =
            Comparator.comparingInt(String::length).thenComparing(name -> name);

    private final RabbitTemplate rabbit;
    private final String queue;
    private final JobRepository jobs;
    private final Duration confirmTimeout;
    private final Duration stallTimeout;
    private final long pollMillis;

    RangesOnWorkers(
            RabbitTemplate rabbit,
            String queue,
            JobRepository jobs,
            Duration confirmTimeout,
            Duration stallTimeout,
            long pollMillis) {
        this.rabbit = rabbit;
        this.queue = queue;
        this.jobs = jobs;
        this.confirmTimeout = confirmTimeout;
        this.stallTimeout = stallTimeout;
        this.pollMillis = pollMillis;
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> ranges) throws Exception {
        // In range order ("range2" before "range10"): the first ranges are taken first, as in a local run.
        List<StepExecution> inOrder = ranges.stream()
                .sorted(Comparator.comparing(RangesOnWorkers::rangeName, IN_ORDER))
                .toList();
        for (StepExecution range : inOrder) {
            send(range);
        }
        return await(manager, ranges);
    }

    /** Sends one range's request and waits for the broker to take it. */
    private void send(StepExecution range) throws InterruptedException {
        String name = rangeName(range);
        CorrelationData correlation = new CorrelationData(name + "@" + range.getId());
        rabbit.convertAndSend(
                "",
                queue,
                new StepExecutionRequest(ReevaluationJobConfiguration.RANGE_STEP, range.getId()),
                correlation);
        CorrelationData.Confirm confirm;
        try {
            confirm = correlation.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new RangesFailed("The broker did not confirm the request for " + name + " within " + confirmTimeout
                    + "; resume the run once the broker answers");
        } catch (ExecutionException e) {
            throw new RangesFailed("The request for " + name + " could not be sent to the broker ("
                    + e.getCause().getClass().getSimpleName() + "); resume the run once the broker answers");
        }
        ReturnedMessage returned = correlation.getReturned();
        if (returned != null) {
            throw new RangesFailed(
                    "The broker routed the request for " + name + " to no queue (" + returned.getReplyCode()
                            + " " + returned.getReplyText() + "): queue " + queue + " is missing; restart the manager, "
                            + "which declares it, and resume the run");
        }
        if (!confirm.ack()) {
            throw new RangesFailed("The broker refused the request for " + name + " (" + confirm.reason()
                    + "); resume the run once queue " + queue + " takes requests again");
        }
    }

    /** The ranges once each has ended; a failure naming the rest when none has moved for the stall timeout. */
    private Set<StepExecution> await(StepExecution manager, Set<StepExecution> ranges) throws InterruptedException {
        Set<Long> ids = ranges.stream().map(StepExecution::getId).collect(Collectors.toSet());
        Map<Long, Long> seen = new HashMap<>(); // each range's version: it grows with every update of the range
        long lastMove = System.nanoTime();
        while (true) {
            JobExecution job = jobs.getJobExecution(manager.getJobExecutionId());
            Set<StepExecution> current = job.getStepExecutions().stream()
                    .filter(step -> ids.contains(step.getId()))
                    .collect(Collectors.toSet());
            for (StepExecution range : current) {
                Long before = seen.put(range.getId(), range.getVersion() == null ? 0L : range.getVersion());
                if (before != null && !before.equals(seen.get(range.getId()))) {
                    lastMove = System.nanoTime();
                }
            }
            Set<String> open = current.stream()
                    .filter(step -> step.getStatus().isRunning())
                    .map(RangesOnWorkers::rangeName)
                    .collect(Collectors.toCollection(() -> new TreeSet<>(IN_ORDER)));
            if (open.isEmpty() && current.size() == ids.size()) {
                return current;
            }
            if (System.nanoTime() - lastMove > stallTimeout.toNanos()) {
                log.warn(
                        "Re-evaluation {}: no range moved for {}; {} had not ended",
                        job.getJobParameters().getString(ReevaluationJobConfiguration.RUN_ID),
                        stallTimeout,
                        open);
                throw new RangesFailed("No range moved for " + stallTimeout + " (app.reevaluation.remote-timeout); "
                        + "ranges that did not answer: " + String.join(", ", open) + ". Resume the run once "
                        + "workers run again: ranges still held by a worker are not handed out twice");
            }
            Thread.sleep(pollMillis);
        }
    }

    /** "range3" of the step execution "reevaluate-households:range3". */
    static String rangeName(StepExecution range) {
        String step = range.getStepName();
        return step.substring(step.indexOf(':') + 1);
    }
}
