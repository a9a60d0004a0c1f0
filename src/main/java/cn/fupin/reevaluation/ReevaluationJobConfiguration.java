package cn.fupin.reevaluation;

import java.util.Map;

import javax.sql.DataSource;

import cn.fupin.household.HouseholdRegistry;
import cn.fupin.matching.BulkEvaluation;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.batch.autoconfigure.BatchTaskExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The re-evaluation job: one chunk-oriented step that reads household ids under the run's region prefix in
 * key order and re-evaluates them a chunk at a time ({@link ReevaluationChunk}). The reader's position is
 * saved with every chunk, so a stopped or crashed run resumes after its last committed chunk.
 */
@Configuration(proxyBeanMethods = false)
class ReevaluationJobConfiguration {

    static final String NAME = "reevaluation";
    static final String RUN_ID = "reevaluationId";

    @Bean
    Job reevaluationJob(JobRepository jobs, Step reevaluateHouseholds, ReevaluationStore store) {
        return new JobBuilder(NAME, jobs)
                .start(reevaluateHouseholds)
                .listener(new JobExecutionListener() {
                    @Override
                    public void beforeJob(JobExecution execution) {
                        store.resumed(execution.getJobParameters().getString(RUN_ID));
                    }
                })
                .build();
    }

    /**
     * A few hundred households per chunk: one engine session and one batch of statements per chunk cost
     * less per household than one each, and a chunk's locks and memory stay small.
     */
    @Bean
    Step reevaluateHouseholds(JobRepository jobs, PlatformTransactionManager transactions,
                              JdbcPagingItemReader<String> householdIds, ItemWriter<String> reevaluationChunk,
                              @Value("${app.reevaluation.chunk-size:500}") int chunkSize) {
        return new StepBuilder("reevaluate-households", jobs)
                .<String, String>chunk(chunkSize)
                .reader(householdIds)
                .writer(reevaluationChunk)
                .transactionManager(transactions)
                .build();
    }

    @Bean
    @StepScope
    JdbcPagingItemReader<String> householdIds(DataSource dataSource, ReevaluationStore store,
                                              @Value("#{jobParameters['" + RUN_ID + "']}") String runId,
                                              @Value("${app.reevaluation.chunk-size:500}") int chunkSize) throws Exception {
        Reevaluation run = store.find(runId).orElseThrow();
        return new JdbcPagingItemReaderBuilder<String>()
                .name("households")
                .dataSource(dataSource)
                .selectClause("household_id")
                .fromClause("household")
                .whereClause("region_code LIKE :prefix")
                .parameterValues(Map.of("prefix", run.regionPrefix() + "%"))
                .sortKeys(Map.of("household_id", Order.ASCENDING))
                .pageSize(chunkSize)
                .rowMapper((rs, i) -> rs.getString(1))
                .build();
    }

    @Bean
    @StepScope
    ItemWriter<String> reevaluationChunk(ReevaluationStore store, RunRuleSets ruleSets, HouseholdRegistry registry,
                                         BulkEvaluation bulk, ReevaluationChanges changes,
                                         @Value("#{jobParameters['" + RUN_ID + "']}") String runId) {
        Reevaluation run = store.find(runId).orElseThrow();
        return new ReevaluationChunk(run, ruleSets.of(run), registry, bulk, changes, store);
    }

    /** Runs start on their own threads: the request that asks for one is answered at once. */
    @Bean
    @BatchTaskExecutor
    TaskExecutor reevaluationThreads() {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("reevaluation-");
        executor.setDaemon(true);
        return executor;
    }
}
