package cn.fupin.reevaluation;

import cn.fupin.household.HouseholdRegistry;
import cn.fupin.matching.BulkEvaluation;
import cn.fupin.quality.FindingStore;
import cn.fupin.quality.QualityChecks;
import cn.fupin.system.audit.AuditTrail;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.batch.autoconfigure.BatchTaskExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;

/**
 * The re-evaluation job: the run's households are split into ranges of ids ({@link HouseholdRanges}), and in
 * each range a chunk-oriented step reads household ids in key order and re-evaluates them a chunk at a time
 * ({@link ReevaluationChunk}). Every range saves its reader's position with every chunk, so a stopped or
 * crashed run resumes after the last committed chunk of each range.
 */
@Configuration(proxyBeanMethods = false)
class ReevaluationJobConfiguration {

    static final String NAME = "reevaluation";
    static final String RUN_ID = "reevaluationId";
    /** The step that re-evaluates one range of households, in this process or on a worker. */
    static final String RANGE_STEP = "reevaluate-households";

    /** A completed run is marked in its row: the quality report stands on complete runs only. */
    @Bean
    Job reevaluationJob(
            JobRepository jobs, Step reevaluateRanges, ReevaluationStore store, Clock clock, OutageRecovery outages) {
        return new JobBuilder(NAME, jobs)
                .start(reevaluateRanges)
                .listener(outages)
                .listener(new JobExecutionListener() {
                    @Override
                    public void afterJob(JobExecution execution) {
                        if (execution.getStatus() == BatchStatus.COMPLETED) {
                            store.completed(execution.getJobParameters().getString(RUN_ID), clock.instant());
                        }
                    }
                })
                .build();
    }

    /**
     * The ranges run side by side, one thread each: a chunk spends about as long waiting for the database as
     * evaluating, so two or three ranges keep both the service's cores and the database busy.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "app.reevaluation.remote", havingValue = false, matchIfMissing = true)
    Step reevaluateRanges(
            JobRepository jobs,
            Step reevaluateHouseholds,
            Partitioner householdRanges,
            @Value("${app.reevaluation.threads:2}") int threads) {
        SimpleAsyncTaskExecutor rangeThreads = new SimpleAsyncTaskExecutor("reevaluation-range-");
        rangeThreads.setConcurrencyLimit(threads);
        rangeThreads.setDaemon(true);
        return new StepBuilder("reevaluate-ranges", jobs)
                .partitioner(RANGE_STEP, householdRanges)
                .step(reevaluateHouseholds)
                .gridSize(threads)
                .taskExecutor(rangeThreads)
                .build();
    }

    @Bean
    @StepScope
    Partitioner householdRanges(
            JdbcTemplate jdbc, ReevaluationStore store, @Value("#{jobParameters['" + RUN_ID + "']}") String runId) {
        return new HouseholdRanges(jdbc, store.find(runId).orElseThrow().regionPrefix());
    }

    /**
     * A few hundred households per chunk: one engine session and one batch of statements per chunk cost
     * less per household than one each, and a chunk's locks and memory stay small.
     *
     * <p>Read committed: the chunk reads its page of ids first and only then waits for the households' locks;
     * under MySQL's repeatable read its later reads would show the snapshot of that first read, without an
     * evaluation committed while it waited, and it would record over that evaluation (H2 reads committed
     * already). With binary logging, MySQL then needs binlog_format ROW or MIXED (the defaults).
     */
    @Bean
    Step reevaluateHouseholds(
            JobRepository jobs,
            PlatformTransactionManager transactions,
            JdbcPagingItemReader<String> householdIds,
            ItemWriter<String> reevaluationChunk,
            @Value("${app.reevaluation.chunk-size:500}") int chunkSize) {
        DefaultTransactionAttribute readCommitted = new DefaultTransactionAttribute();
        readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return new StepBuilder(RANGE_STEP, jobs)
                .<String, String>chunk(chunkSize)
                .reader(householdIds)
                .writer(reevaluationChunk)
                .transactionManager(transactions)
                .transactionAttribute(readCommitted)
                .build();
    }

    @Bean
    @StepScope
    JdbcPagingItemReader<String> householdIds(
            DataSource dataSource,
            ReevaluationStore store,
            @Value("#{jobParameters['" + RUN_ID + "']}") String runId,
            @Value("#{stepExecutionContext['" + HouseholdRanges.AFTER + "']}") String after,
            @Value("#{stepExecutionContext['" + HouseholdRanges.UP_TO + "']}") String upTo,
            @Value("${app.reevaluation.chunk-size:500}") int chunkSize)
            throws Exception {
        Reevaluation run = store.find(runId).orElseThrow();
        return new JdbcPagingItemReaderBuilder<String>()
                .name("households")
                .dataSource(dataSource)
                .selectClause("household_id")
                .fromClause("household")
                .whereClause("region_code LIKE :prefix AND household_id > :after"
                        + (upTo.isEmpty() ? "" : " AND household_id <= :upTo"))
                .parameterValues(Map.of("prefix", run.regionPrefix() + "%", "after", after, "upTo", upTo))
                .sortKeys(Map.of("household_id", Order.ASCENDING))
                .pageSize(chunkSize)
                .rowMapper((rs, i) -> rs.getString(1))
                .build();
    }

    @Bean
    @StepScope
    ItemWriter<String> reevaluationChunk(
            ReevaluationStore store,
            RunRuleSets ruleSets,
            HouseholdRegistry registry,
            BulkEvaluation bulk,
            ReevaluationChanges changes,
            AuditTrail audit,
            QualityChecks quality,
            FindingStore findings,
            LaterEvaluations later,
            @Value("#{jobParameters['" + RUN_ID + "']}") String runId,
            @Value("#{stepExecution.stepName}") String range) {
        Reevaluation run = store.find(runId).orElseThrow();
        return new ReevaluationChunk(
                run, range, ruleSets.of(run), registry, bulk, changes, store, audit, quality, findings, later);
    }

    /**
     * Runs start on their own threads: the request that asks for one is answered at once. A run asked for
     * under {@link RunLock} starts when the lock's transaction has committed.
     */
    @Bean
    @BatchTaskExecutor
    TaskExecutor reevaluationThreads(OutageRecovery outages) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("reevaluation-");
        executor.setDaemon(true);
        executor.setTaskDecorator(outages.decorator());
        return new LaunchAfterCommit(executor);
    }
}
