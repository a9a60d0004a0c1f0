package cn.fupin.reevaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * Where a run stands: its state, counters, and while it runs the rate since its latest start or resume and
 * the finish that rate gives.
 *
 * @param findings quality findings recorded (absent for a dry run, which records none)
 * @param rate     households per second since the latest start or resume (after its first seconds)
 * @param stopping true while a stop is asked for and the run finishes the chunk it is on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReevaluationProgress(
        String reevaluationId,
        State state,
        boolean dryRun,
        boolean qualityOnly,
        String regionCode,
        LocalDate asOf,
        String rulesetVersion,
        String baseVersion,
        Map<String, Object> standards,
        long total,
        long processed,
        long changedHouseholds,
        long skipped,
        Long findings,
        BigDecimal rate,
        OffsetDateTime estimatedFinish,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        String requestedBy,
        Boolean stopping,
        String exitMessage) {

    enum State {
        RUNNING,
        COMPLETED,
        FAILED,
        STOPPED
    }

    /** A rate over the first seconds of a start or resume says nothing yet. */
    private static final Duration RATE_AFTER = Duration.ofSeconds(5);

    static ReevaluationProgress of(
            Reevaluation run, JobExecution last, Map<String, Object> standards, Instant now, ZoneId zone) {
        State state = state(last.getStatus());
        BigDecimal rate = null;
        OffsetDateTime estimatedFinish = null;
        if (state == State.RUNNING
                && last.getStartTime() != null
                && Duration.between(batchTime(last.getStartTime()), now).compareTo(RATE_AFTER) >= 0) {
            double seconds =
                    Duration.between(batchTime(last.getStartTime()), now).toMillis() / 1000.0;
            double perSecond = (run.processed() - run.processedAtResume()) / seconds;
            rate = BigDecimal.valueOf(perSecond).setScale(1, RoundingMode.HALF_UP);
            if (perSecond > 0) {
                long left = Math.max(run.total() - run.processed(), 0);
                estimatedFinish = now.plusSeconds((long) Math.ceil(left / perSecond))
                        .atZone(zone)
                        .toOffsetDateTime();
            }
        }
        OffsetDateTime finishedAt = state == State.RUNNING || last.getEndTime() == null
                ? null
                : batchTime(last.getEndTime())
                        .truncatedTo(ChronoUnit.SECONDS)
                        .atZone(zone)
                        .toOffsetDateTime();
        String exitMessage =
                state == State.FAILED ? firstLine(last.getExitStatus().getExitDescription()) : null;
        return new ReevaluationProgress(
                run.reevaluationId(),
                state,
                run.dryRun(),
                run.qualityOnly(),
                run.regionPrefix(),
                run.asOf(),
                run.rulesetVersion(),
                run.baseVersion(),
                standards,
                run.total(),
                run.processed(),
                run.changedHouseholds(),
                run.skipped(),
                run.checksQuality() ? run.findings() : null,
                rate,
                estimatedFinish,
                run.requestedAt().atZone(zone).toOffsetDateTime(),
                finishedAt,
                run.requestedBy(),
                last.getStatus() == BatchStatus.STOPPING ? Boolean.TRUE : null,
                exitMessage);
    }

    /** Spring Batch keeps its times as local date-times of the JVM's zone. */
    private static Instant batchTime(LocalDateTime time) {
        return time.atZone(ZoneId.systemDefault()).toInstant();
    }

    static State state(BatchStatus status) {
        return switch (status) {
            case STARTING, STARTED, STOPPING -> State.RUNNING;
            case COMPLETED -> State.COMPLETED;
            case STOPPED -> State.STOPPED;
            case FAILED, ABANDONED, UNKNOWN -> State.FAILED;
        };
    }

    /** The cause's first line only: a stack trace says nothing to the office, and may quote data. */
    /**
     * The failure's exception class, not its message: a database driver's message can quote a stored value
     * (a name), and this answer goes to anyone who may follow the run. The service's log has the rest.
     */
    private static String firstLine(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String line = description.lines().findFirst().orElse("");
        String shown = RangesFailed.class.getName() + ": ";
        if (line.startsWith(shown)) {
            return line.substring(shown.length());
        }
        int colon = line.indexOf(':');
        return (colon > 0 ? line.substring(0, colon) : line) + " (details in the service's log)";
    }
}
