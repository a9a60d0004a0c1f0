package cn.fupin.reevaluation;

import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which live process runs which range of a remote run ({@code reevaluation_range_hold}). A worker takes a
 * range's hold before it runs the range and says it is alive every quarter of {@code app.reevaluation.hold-expires}
 * while it runs it; a hold not heard from for that long belongs to a process that died (kill -9, a lost machine)
 * and may be taken over. A resume, and a second worker given the same request (the broker redelivers a request
 * when it loses the first worker's connection, which can happen while that worker runs on), leave a held range
 * alone: two executions of one range would each record its households. Times are the database's clock.
 */
@Component
class RangeHolds {

    private static final Logger log = LoggerFactory.getLogger(RangeHolds.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final Duration expires;
    /** This process (and context: tests run several in one JVM); no personal data. */
    private final String holder;

    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat;

    RangeHolds(NamedParameterJdbcTemplate jdbc, @Value("${app.reevaluation.hold-expires:30s}") Duration expires) {
        if (expires.toSeconds() < 1) {
            throw new IllegalArgumentException("app.reevaluation.hold-expires must be at least 1s");
        }
        this.jdbc = jdbc;
        this.expires = expires;
        this.holder = host() + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "reevaluation-range-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(expires.toMillis() / 4, 100);
        heartbeat.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    Duration expires() {
        return expires;
    }

    /** Takes the range for this process: false while another process holding it was heard from lately. */
    boolean take(long stepExecutionId) {
        Map<String, Object> row = Map.of("id", stepExecutionId, "holder", holder, "expires", -expires.toSeconds());
        int taken = jdbc.update("""
                UPDATE reevaluation_range_hold SET holder = :holder, heard_at = CURRENT_TIMESTAMP(3)
                 WHERE step_execution_id = :id
                   AND (holder = :holder OR heard_at < TIMESTAMPADD(SECOND, :expires, CURRENT_TIMESTAMP(3)))
                """, row);
        if (taken == 0) {
            try {
                jdbc.update("""
                        INSERT INTO reevaluation_range_hold (step_execution_id, holder, heard_at)
                        VALUES (:id, :holder, CURRENT_TIMESTAMP(3))
                        """, row);
            } catch (DuplicateKeyException e) {
                return false; // held by a live process, or taken over by another just now
            }
        }
        held.add(stepExecutionId);
        return true;
    }

    void release(long stepExecutionId) {
        held.remove(stepExecutionId);
        try {
            jdbc.update(
                    "DELETE FROM reevaluation_range_hold WHERE step_execution_id = :id AND holder = :holder",
                    Map.of("id", stepExecutionId, "holder", holder));
        } catch (RuntimeException e) {
            // Not heard from any more, the hold expires by itself.
            log.warn(
                    "The hold of range step execution {} could not be released ({}); it expires in {}",
                    stepExecutionId,
                    e.getClass().getSimpleName(),
                    expires);
        }
    }

    /**
     * The ranges of this run execution that have not ended and are held by a live process: "range2", ….
     */
    Set<String> heldRanges(JobExecution execution) {
        List<StepExecution> open = new ArrayList<>();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStepName().startsWith(ReevaluationJobConfiguration.RANGE_STEP + ":")
                    && (step.getStatus().isRunning() || step.getStatus() == BatchStatus.UNKNOWN)) {
                open.add(step);
            }
        }
        if (open.isEmpty()) {
            return Set.of();
        }
        Set<Long> live = new TreeSet<>(jdbc.queryForList(
                """
                SELECT step_execution_id FROM reevaluation_range_hold
                 WHERE step_execution_id IN (:ids) AND heard_at >= TIMESTAMPADD(SECOND, :expires, CURRENT_TIMESTAMP(3))
                """,
                Map.of("ids", open.stream().map(StepExecution::getId).toList(), "expires", -expires.toSeconds()),
                Long.class));
        return open.stream()
                .filter(step -> live.contains(step.getId()))
                .map(RangesOnWorkers::rangeName)
                .collect(Collectors.toCollection(() -> new TreeSet<>(RangesOnWorkers.IN_ORDER)));
    }

    private void heartbeat() {
        if (held.isEmpty()) {
            return;
        }
        try {
            jdbc.update(
                    "UPDATE reevaluation_range_hold SET heard_at = CURRENT_TIMESTAMP(3) WHERE holder = :holder",
                    Map.of("holder", holder));
        } catch (RuntimeException e) {
            log.warn(
                    "Could not say that ranges {} are still being run ({}); they look abandoned after {}",
                    held,
                    e.getClass().getSimpleName(),
                    expires);
        }
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
    }

    private static String host() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.length() > 150 ? name.substring(0, 150) : name;
        } catch (Exception e) {
            return "unknown-host";
        }
    }
}
