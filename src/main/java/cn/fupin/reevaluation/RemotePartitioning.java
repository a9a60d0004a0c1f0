package cn.fupin.reevaluation;

import java.time.Duration;
import java.util.List;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * A re-evaluation split across processes over RabbitMQ (Spring Batch remote partitioning). The manager, an
 * instance with {@code app.reevaluation.remote=true}, splits the run into ranges of household ids as the local
 * run does and sends one request per range to the durable queue {@code app.reevaluation.queue} (default
 * {@value #QUEUE}), each confirmed by the broker ({@link RangesOnWorkers}); workers, the same jar started with
 * {@code app.reevaluation.worker=true}, take one range at a time and run the very step of the local run
 * ({@code reevaluate-households}: chunks, positions and diffs in the shared database), unless it is held by
 * another live worker or has ended ({@link RangeRequests}). The manager learns that ranges are done from the job
 * repository, which all share. A request a worker cannot run is dead-lettered to {@code <queue>.rejected}.
 * Without these settings a run is partitioned in process.
 */
final class RemotePartitioning {

    static final String QUEUE = "fupin.reevaluation.ranges";
    static final String QUEUE_SETTING = "${app.reevaluation.queue:" + QUEUE + "}";

    private RemotePartitioning() {}

    /** Requests cross the broker as serialized objects; a worker reads no other class from it. */
    static SimpleMessageConverter requests() {
        SimpleMessageConverter converter = new SimpleMessageConverter();
        converter.setAllowedListPatterns(List.of(StepExecutionRequest.class.getName(), "java.lang.*"));
        return converter;
    }

    /**
     * The queue of ranges and the queue its rejected requests go to, declared by managers and workers alike
     * (whichever reaches the broker first). A request that a worker's handler throws on is rejected without
     * requeue, and the broker dead-letters it (through the default exchange) to {@code <queue>.rejected}, where
     * it stays for an operator to read, with the reason in the worker's log.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("${app.reevaluation.remote:false} or ${app.reevaluation.worker:false}")
    static class Ranges {

        @Bean
        Queue reevaluationRanges(@Value(QUEUE_SETTING) String queue) {
            return QueueBuilder.durable(queue)
                    .deadLetterExchange("")
                    .deadLetterRoutingKey(rejected(queue))
                    .build();
        }

        @Bean
        Queue rejectedReevaluationRanges(@Value(QUEUE_SETTING) String queue) {
            return QueueBuilder.durable(rejected(queue)).build();
        }
    }

    static String rejected(String queue) {
        return queue + ".rejected";
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("app.reevaluation.remote")
    static class Manager {

        /**
         * Waits for the broker's confirm of each request and for the ranges' ends, read from the job repository
         * every second. Needs a connection factory with correlated publisher confirms and returns (set in
         * application.yaml); a manager without them would lose requests without a word, so it does not start.
         */
        @Bean
        RangesOnWorkers rangesOnWorkers(
                ConnectionFactory connections,
                JobRepository jobs,
                @Value(QUEUE_SETTING) String queue,
                @Value("${app.reevaluation.ranges:4}") int ranges,
                @Value("${app.reevaluation.confirm-timeout:10s}") Duration confirmTimeout,
                @Value("${app.reevaluation.remote-timeout:10m}") Duration remoteTimeout) {
            if (!connections.isPublisherConfirms() || !connections.isPublisherReturns()) {
                throw new IllegalStateException(
                        "A manager (app.reevaluation.remote) needs "
                                + "spring.rabbitmq.publisher-confirm-type=correlated and spring.rabbitmq.publisher-returns=true");
            }
            RabbitTemplate rabbit = new RabbitTemplate(connections);
            rabbit.setMessageConverter(requests());
            rabbit.setMandatory(true); // a request that reaches no queue comes back instead of vanishing
            RangesOnWorkers handler = new RangesOnWorkers(rabbit, queue, jobs, confirmTimeout, remoteTimeout, 1_000);
            handler.setGridSize(ranges);
            return handler;
        }

        @Bean
        Step reevaluateRanges(JobRepository jobs, Partitioner householdRanges, RangesOnWorkers rangesOnWorkers) {
            return new StepBuilder("reevaluate-ranges", jobs)
                    .partitioner(ReevaluationJobConfiguration.RANGE_STEP, householdRanges)
                    .partitionHandler(rangesOnWorkers)
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("app.reevaluation.worker")
    @EnableIntegration
    static class Worker {

        /**
         * One range at a time per worker process; a range is acknowledged when its step has ended. A request
         * the handler throws on (it names no step execution of this database, or the database is away) is
         * rejected without requeue: dead-lettered to the rejected queue, not redelivered for ever.
         */
        @Bean
        IntegrationFlow rangesFromBroker(
                ConnectionFactory connections,
                JobRepository jobs,
                Step reevaluateHouseholds,
                RangeHolds holds,
                @Value(QUEUE_SETTING) String queue) {
            StepExecutionRequestHandler ranges = new StepExecutionRequestHandler();
            ranges.setJobRepository(jobs);
            ranges.setStepLocator(name -> reevaluateHouseholds);
            return IntegrationFlow.from(Amqp.inboundAdapter(connections, queue)
                            .messageConverter(requests())
                            .configureContainer(c -> c.prefetchCount(1).defaultRequeueRejected(false)))
                    .handle(new RangeRequests(jobs, ranges, holds), "handle")
                    .nullChannel(); // the manager reads the outcome from the job repository, not from a reply
        }
    }
}
