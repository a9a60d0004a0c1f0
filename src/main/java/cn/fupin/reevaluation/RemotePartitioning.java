package cn.fupin.reevaluation;

import java.util.List;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * A re-evaluation split across processes over RabbitMQ (Spring Batch remote partitioning). The manager, an
 * instance with {@code app.reevaluation.remote=true}, splits the run into ranges of household ids as the local
 * run does and sends one request per range to the durable queue {@value #QUEUE}; workers, the same jar started
 * with {@code app.reevaluation.worker=true}, take one range at a time and run the very step of the local run
 * ({@code reevaluate-households}: chunks, positions and diffs in the shared database). The manager learns that
 * ranges are done from the job repository, which all share. Without these settings a run is partitioned in
 * process.
 */
final class RemotePartitioning {

    static final String QUEUE = "fupin.reevaluation.ranges";

    private RemotePartitioning() {
    }

    /** Requests cross the broker as serialized objects; a worker reads no other class from it. */
    static SimpleMessageConverter requests() {
        SimpleMessageConverter converter = new SimpleMessageConverter();
        converter.setAllowedListPatterns(List.of(StepExecutionRequest.class.getName(), "java.lang.*"));
        return converter;
    }

    /** The queue of ranges, declared by managers and workers alike (whichever reaches the broker first). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("${app.reevaluation.remote:false} or ${app.reevaluation.worker:false}")
    static class Ranges {

        @Bean
        Queue reevaluationRanges() {
            return new Queue(QUEUE, true);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("app.reevaluation.remote")
    @EnableIntegration
    static class Manager {

        @Bean
        DirectChannel rangeRequests() {
            return new DirectChannel();
        }

        @Bean
        IntegrationFlow rangeRequestsToBroker(DirectChannel rangeRequests, ConnectionFactory connections) {
            RabbitTemplate rabbit = new RabbitTemplate(connections);
            rabbit.setMessageConverter(requests());
            return IntegrationFlow.from(rangeRequests).handle(Amqp.outboundAdapter(rabbit).routingKey(QUEUE)).get();
        }

        /** Waits for the ranges by reading their state in the job repository every second. */
        @Bean
        MessageChannelPartitionHandler rangesOnWorkers(DirectChannel rangeRequests, JobRepository jobs,
                                                       @Value("${app.reevaluation.ranges:4}") int ranges) {
            MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
            handler.setStepName(ReevaluationJobConfiguration.RANGE_STEP);
            handler.setGridSize(ranges);
            handler.setMessagingOperations(new MessagingTemplate(rangeRequests));
            handler.setJobRepository(jobs);
            handler.setPollInterval(1_000);
            return handler;
        }

        @Bean
        Step reevaluateRanges(JobRepository jobs, Partitioner householdRanges,
                              MessageChannelPartitionHandler rangesOnWorkers) {
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

        /** One range at a time per worker process; a range is acknowledged when its step has ended. */
        @Bean
        IntegrationFlow rangesFromBroker(ConnectionFactory connections, JobRepository jobs, Step reevaluateHouseholds) {
            StepExecutionRequestHandler ranges = new StepExecutionRequestHandler();
            ranges.setJobRepository(jobs);
            ranges.setStepLocator(name -> reevaluateHouseholds);
            return IntegrationFlow.from(Amqp.inboundAdapter(connections, QUEUE).messageConverter(requests())
                            // A request that cannot be run (its run is gone) is dropped, not redelivered forever.
                            .configureContainer(c -> c.prefetchCount(1).defaultRequeueRejected(false)))
                    .handle(ranges, "handle")
                    .nullChannel(); // the manager reads the outcome from the job repository, not from a reply
        }
    }
}
