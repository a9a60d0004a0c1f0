package cn.fupin.reevaluation;

import cn.fupin.household.HouseholdRegistry;
import cn.fupin.policy.ActiveRuleSet;
import cn.fupin.system.ConflictException;
import cn.fupin.system.Ids;
import cn.fupin.system.NotFoundException;
import cn.fupin.system.QueryParameters;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk re-evaluations: asking for one (at most one running at a time over any household, whichever instance
 * is asked: {@link RunLock}), following it, stopping it, and resuming it after a stop or a crash. The work
 * itself is the batch job ({@link ReevaluationJobConfiguration}); this keeps the rules around it.
 */
@Service
public class Reevaluations {

    /** How long a stop waits for a run just launched to be recorded STARTED. */
    static final Duration STARTING_WAIT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(Reevaluations.class);

    private final JobOperator operator;
    private final JobRepository jobs;
    private final Job job;
    private final ReevaluationStore store;
    private final RunRuleSets ruleSets;
    private final ActiveRuleSet active;
    private final HouseholdRegistry registry;
    private final JsonMapper json;
    private final Clock clock;
    private final RunLock lock;
    private final RangeHolds holds;

    Reevaluations(
            JobOperator operator,
            JobRepository jobs,
            Job reevaluationJob,
            ReevaluationStore store,
            RunRuleSets ruleSets,
            ActiveRuleSet active,
            HouseholdRegistry registry,
            JsonMapper json,
            Clock clock,
            RunLock lock,
            RangeHolds holds) {
        this.lock = lock;
        this.holds = holds;
        this.operator = operator;
        this.jobs = jobs;
        this.job = reevaluationJob;
        this.store = store;
        this.ruleSets = ruleSets;
        this.active = active;
        this.registry = registry;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records the run and starts it on its own thread.
     *
     * @throws ConflictException if a run over some of the same households is running
     * @throws cn.fupin.policy.RuleSetRefusedException if the candidate rules folder does not pass
     */
    String start(ReevaluationRequest request, String user) {
        // Refused at once, before a candidate folder is compiled; checked again under the lock.
        refuseIfOverlapping(request.regionPrefix(), null);
        RunRuleSets.Chosen chosen = ruleSets.choose(active.get(), request);
        // A date before a standard's first value: 422 naming the standards, as for a single evaluation.
        chosen.ruleSet().standards().resolve(request.regionPrefix(), request.asOf());
        long total = registry.count(request.regionPrefix());
        Reevaluation run = lock.holding(() -> {
            refuseIfOverlapping(request.regionPrefix(), null);
            Reevaluation asked = new Reevaluation(
                    Ids.next(),
                    request.regionPrefix(),
                    request.asOf(),
                    request.dryRun(),
                    chosen.ruleSet().version(),
                    chosen.baseVersion(),
                    chosen.standardsOverrides(),
                    chosen.candidateFiles(),
                    user,
                    clock.instant(),
                    total,
                    0,
                    0,
                    0,
                    0,
                    request.qualityOnly(),
                    0,
                    store.lastEvaluation(),
                    null);
            store.insert(asked);
            try {
                operator.start(job, parameters(asked.reevaluationId()));
            } catch (Exception e) {
                // The lock's transaction rolls back the run's row with its job execution.
                throw new IllegalStateException("Re-evaluation " + asked.reevaluationId() + " could not start", e);
            }
            return asked;
        });
        log.info(
                "Re-evaluation {} started by {}: region '{}', asOf {}, dryRun {}, qualityOnly {}, {} households, rules {}",
                run.reevaluationId(),
                user,
                run.regionPrefix(),
                run.asOf(),
                run.dryRun(),
                run.qualityOnly(),
                run.total(),
                run.rulesetVersion());
        return run.reevaluationId();
    }

    ReevaluationProgress progress(String id) {
        JobExecution last = lastExecution(find(id));
        // The counters are read after the state: a run seen ended shows every chunk it committed. Read before
        // it, a run ending in between showed COMPLETED with its last chunks not yet counted.
        Reevaluation run = find(id);
        return ReevaluationProgress.of(run, last, standards(run), clock.instant(), clock.getZone());
    }

    record RunPage(List<ReevaluationProgress> content, int page, int size, long totalElements, int totalPages) {}

    /** Every run, newest first. */
    RunPage list(String region, int page, int size) {
        long total = store.count(region);
        List<ReevaluationProgress> runs = store.page(region, page, size).stream()
                .map(listed -> {
                    JobExecution last = lastExecution(listed);
                    Reevaluation run = store.find(listed.reevaluationId()).orElse(listed); // after the state, as above
                    return ReevaluationProgress.of(run, last, standards(run), clock.instant(), clock.getZone());
                })
                .toList();
        return new RunPage(runs, page, size, total, QueryParameters.pageCount(total, size));
    }

    /** Asks the run to stop after the chunk it is on; it ends STOPPED and can be resumed. */
    ReevaluationProgress stop(String id) {
        Reevaluation run = find(id);
        JobExecution last = startedExecution(run);
        if (!last.isRunning()) {
            throw new ConflictException(
                    "Re-evaluation " + id + " is not running: it is " + ReevaluationProgress.state(last.getStatus()),
                    Map.of("reevaluationId", id));
        }
        // Only the job execution is marked STOPPING: the step sees it when it records its next chunk and ends
        // after that chunk, its position saved with it. JobOperator.stop would also write the step's execution
        // context as it was read here, which can put the step's saved position back behind a chunk committed
        // meanwhile, and a resumed run would then evaluate that chunk twice.
        last.setStatus(BatchStatus.STOPPING);
        try {
            jobs.update(last);
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException(
                    "Re-evaluation " + id + " ended while it was being stopped", Map.of("reevaluationId", id));
        }
        return progress(id);
    }

    /**
     * The run's last execution once its job thread has recorded it STARTED. Until then it is STARTING, and
     * marking it STOPPING would race that record: Spring Batch reads the version, then writes STARTED with
     * it, so a stop written in between fails the job thread's write and the run ends FAILED, not STOPPED
     * (ReevaluationInstancesTests caught it under load). The wait is bounded; a run still STARTING after it
     * is marked all the same.
     */
    private JobExecution startedExecution(Reevaluation run) {
        JobExecution last = lastExecution(run);
        long deadline = System.nanoTime() + STARTING_WAIT.toNanos();
        while (last.getStatus() == BatchStatus.STARTING && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = lastExecution(run);
        }
        return last;
    }

    /**
     * Resumes a stopped or failed run after its last committed chunk, with the rule set it started with.
     *
     * @throws ConflictException if it is running or complete, if a run over some of its households is running,
     *                           if a later real run has re-evaluated some of them since, or if a worker still
     *                           runs some of its ranges (a remote run failed while they were at work)
     */
    ReevaluationProgress resume(String id) {
        // Steps left running or unknown are marked FAILED in a transaction of their own, committed before the
        // restart: Spring Batch reads the last execution for a restart in a new transaction, which did not see
        // them marked (H2) or waited for this one's locks (MySQL), and refused the restart as still running.
        lock.holding(() -> {
            JobExecution last = lastExecution(find(id));
            if (!last.getStatus().isRunning()) {
                refuseIfHeld(id, last);
            }
            if (last.getStatus() == BatchStatus.UNKNOWN
                    || (!last.getStatus().isRunning()
                            && last.getStepExecutions().stream()
                                    .anyMatch(step -> step.getStatus() == BatchStatus.UNKNOWN
                                            || step.getStatus().isRunning()))) {
                failUnknown(last);
            }
            return null;
        });
        Reevaluation run = lock.holding(() -> {
            // Read under the lock: a resume from another instance may have just started it again.
            Reevaluation stopped = find(id);
            JobExecution last = lastExecution(stopped);
            if (last.getStatus() != BatchStatus.STOPPED && last.getStatus() != BatchStatus.FAILED) {
                throw new ConflictException(
                        "Re-evaluation " + id + " cannot be resumed: it is "
                                + ReevaluationProgress.state(last.getStatus()),
                        Map.of("reevaluationId", id));
            }
            refuseIfOverlapping(stopped.regionPrefix(), id);
            Optional<Reevaluation> newer = store.supersededBy(stopped).stream().findFirst();
            if (newer.isPresent()) {
                throw new ConflictException(
                        "Re-evaluation " + id + " cannot be resumed: re-evaluation "
                                + newer.get().reevaluationId()
                                + " was asked for later over some of the same households",
                        Map.of("reevaluationId", id, "supersededBy", newer.get().reevaluationId()));
            }
            store.resumed(id);
            try {
                operator.restart(last);
            } catch (Exception e) {
                throw new IllegalStateException("Re-evaluation " + id + " could not be resumed", e);
            }
            return stopped;
        });
        log.info("Re-evaluation {} resumed at {} of {} households", id, run.processed(), run.total());
        return progress(id);
    }

    /**
     * Resumes a run that the database broke off, once it answers again ({@link OutageRecovery}): the job
     * thread could not record the run's end, so the run still reads as running (or unknown) and is marked
     * FAILED first. Only this process ran it, and its job thread has ended.
     */
    void resumeAfterOutage(String id) {
        JobExecution last = lastExecution(find(id));
        if (last.getStatus().isRunning()) {
            operator.recover(last);
        }
        resume(id);
    }

    /**
     * A run whose database went away while it recorded its outcome is left in an unknown state, or ended with
     * steps that still read as running (their end could not be written), which Spring Batch will not restart;
     * so is a remote run failed with ranges no worker answered for (none of them held, {@link RangeHolds}).
     * It is safe to: a chunk commits its households, its ledger rows and the range's position in one
     * transaction, so whatever such a step did is in the database with its position, or not at all. Marked
     * FAILED, the run resumes after its last committed chunk, as after kill -9.
     */
    private void failUnknown(JobExecution execution) {
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                jobs.update(step);
            }
        }
        if (execution.getStatus() == BatchStatus.UNKNOWN) {
            execution.setStatus(BatchStatus.FAILED);
            jobs.update(execution);
        }
        log.warn(
                "Re-evaluation {} was left with steps unfinished (a database failure, or ranges no worker "
                        + "answered for); marked FAILED to resume",
                execution.getJobParameters().getString(ReevaluationJobConfiguration.RUN_ID));
    }

    /**
     * Runs left RUNNING by a process that ended without finishing them (a crash, kill -9, power loss) are
     * marked FAILED, so that they can be resumed; {@code resume} resumes them at once.
     */
    void recoverInterrupted(boolean resume) {
        for (JobExecution execution : jobs.findRunningJobExecutions(ReevaluationJobConfiguration.NAME)) {
            String id = execution.getJobParameters().getString(ReevaluationJobConfiguration.RUN_ID);
            Set<String> held = holds.heldRanges(execution);
            if (!held.isEmpty()) {
                // Recovering marks its ranges FAILED under the workers running them.
                log.warn("Re-evaluation {} is left running: workers still run {}", id, held);
                continue;
            }
            operator.recover(execution);
            log.warn(
                    "Re-evaluation {} was interrupted when the service stopped; {}",
                    id,
                    resume ? "resuming it" : "resume it with POST /api/reevaluations/" + id + "/resume");
            if (resume) {
                try {
                    resume(id);
                } catch (ConflictException e) {
                    log.warn("Re-evaluation {} not resumed: {}", id, e.getMessage());
                }
            }
        }
    }

    /**
     * A range that a live worker still runs is not handed out again: a resume would give it a new execution that
     * a second worker runs beside the first, and both record its households. The office resumes once those
     * ranges have ended (each ends with its range, or after its current chunk when the run is stopped).
     */
    private void refuseIfHeld(String id, JobExecution last) {
        Set<String> held = holds.heldRanges(last);
        if (!held.isEmpty()) {
            throw new ConflictException(
                    "Re-evaluation " + id + " cannot be resumed yet: workers still run " + String.join(", ", held)
                            + "; resume it when they have ended",
                    Map.of("reevaluationId", id, "heldRanges", List.copyOf(held)));
        }
    }

    private static String area(String prefix) {
        return prefix.isEmpty() ? "the whole province" : "region " + prefix;
    }

    Reevaluation find(String id) {
        // The id is not repeated: whatever was typed into the path could be personal data.
        return store.find(id).orElseThrow(() -> new NotFoundException("No such re-evaluation"));
    }

    private void refuseIfOverlapping(String prefix, String except) {
        for (JobExecution execution : jobs.findRunningJobExecutions(ReevaluationJobConfiguration.NAME)) {
            String id = execution.getJobParameters().getString(ReevaluationJobConfiguration.RUN_ID);
            if (id.equals(except)) {
                continue;
            }
            // A run another instance is starting has its job execution before its row is visible here: the
            // check made before taking the lock skips it, and the one made under the lock sees both.
            Reevaluation running = store.find(id).orElse(null);
            if (running != null && running.overlaps(prefix)) {
                throw new ConflictException(
                        "Re-evaluation " + id + " is running over " + area(running.regionPrefix()) + ", which overlaps "
                                + area(prefix) + "; wait for it or stop it",
                        Map.of("runningReevaluationId", id));
            }
        }
    }

    /**
     * The run's latest job execution. Not through JobRepository.getLastJobExecution: Spring Batch reads that
     * in a serializable transaction, which on MySQL takes shared locks on the very rows a running chunk
     * updates, and a progress request then deadlocks with the run.
     */
    private JobExecution lastExecution(Reevaluation run) {
        JobInstance instance = jobs.getJobInstance(ReevaluationJobConfiguration.NAME, parameters(run.reevaluationId()));
        JobExecution last = instance == null
                ? null
                : jobs.getJobExecutions(instance).stream()
                        .max(Comparator.comparingLong(JobExecution::getId))
                        .orElse(null);
        if (last == null) {
            throw new IllegalStateException("Re-evaluation " + run.reevaluationId() + " has no job execution");
        }
        return last;
    }

    private Map<String, Object> standards(Reevaluation run) {
        return run.standardsOverrides() == null
                ? null
                : json.readValue(run.standardsOverrides(), new TypeReference<Map<String, Object>>() {});
    }

    private static JobParameters parameters(String id) {
        return new JobParametersBuilder()
                .addString(ReevaluationJobConfiguration.RUN_ID, id)
                .toJobParameters();
    }
}
