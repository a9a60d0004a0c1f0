package cn.fupin.reevaluation;

import static cn.fupin.reevaluation.ReevaluationFixture.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.fupin.system.Api;
import cn.fupin.system.Instances;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A manager and a worker in this JVM, on the test run's database (H2, or MySQL/MariaDB with -Pmysql) and the
 * real broker at 127.0.0.1:5672, on queues of this test's own (other test runs share the broker). The manager
 * splits a run into two ranges and waits at most 3 s for a range to move; the worker runs one range at a time.
 * A test holds the row of the run's first household, so that the worker is stuck in range 1 with range 2
 * waiting in the queue: the ranges do not answer, yet the worker that holds range 1 is alive.
 */
class RemotePartitioningTests {

    static final String QUEUE =
            "fupin.test.remote." + UUID.randomUUID().toString().substring(0, 8);
    static final String UNROUTED_QUEUE = QUEUE + ".unrouted";

    static ConfigurableApplicationContext manager;
    static ConfigurableApplicationContext worker;
    static ConfigurableApplicationContext lonelyManager;
    static Api api;

    @BeforeAll
    static void start() {
        assumeTrue(Instances.brokerListening(), "RabbitMQ on 127.0.0.1:5672 (.ci/run starts it)");
        manager = start(
                "--app.reevaluation.remote=true",
                "--app.reevaluation.ranges=2",
                "--app.reevaluation.queue=" + QUEUE,
                "--app.reevaluation.remote-timeout=3s");
        worker = start("--app.reevaluation.worker=true", "--app.reevaluation.queue=" + QUEUE);
        api = Instances.api(manager);
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context :
                new ConfigurableApplicationContext[] {worker, manager, lonelyManager}) {
            if (context != null) {
                AmqpAdmin admin = context.getBean(AmqpAdmin.class);
                for (String queue : List.of(
                        QUEUE,
                        RemotePartitioning.rejected(QUEUE),
                        UNROUTED_QUEUE,
                        RemotePartitioning.rejected(UNROUTED_QUEUE))) {
                    admin.deleteQueue(queue);
                }
                context.close();
            }
        }
    }

    /**
     * Runs left running are not recovered at start (another context may run them); the heartbeat of a range
     * held by a worker every half second. On H2 a household's row waits 60 s for its lock, as long as on MySQL.
     */
    static ConfigurableApplicationContext start(String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--app.reevaluation.recover-on-start=false",
                "--app.reevaluation.chunk-size=5",
                "--app.reevaluation.hold-expires=2s"));
        if (!System.getProperty("spring.profiles.active", "").contains("mysql")) {
            args.add("--spring.datasource.url=jdbc:h2:mem:remote-partitioning;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000");
        }
        args.addAll(List.of(settings));
        return Instances.start(args.toArray(String[]::new));
    }

    /** A request that reaches no queue was lost without a word, and its run waited for ever. */
    @Test
    void aRequestTheBrokerRoutesToNoQueueFailsTheRunWithTheReason() {
        lonelyManager = start(
                "--app.reevaluation.remote=true",
                "--app.reevaluation.ranges=2",
                "--app.reevaluation.queue=" + UNROUTED_QUEUE);
        Api lonely = Instances.api(lonelyManager);
        lonelyManager.getBean(AmqpAdmin.class).deleteQueue(UNROUTED_QUEUE); // as an operator's mistake would
        ReevaluationFixture fixture = new ReevaluationFixture(lonely).register(4, ReevaluationControlTests.AS_OF);

        String id =
                fixture.start(body("asOf", ReevaluationControlTests.AS_OF.toString(), "regionCode", fixture.region));

        JsonNode failed = awaitEnd(lonely, id, Duration.ofSeconds(30));
        assertThat(failed.get("state").asString()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.get("exitMessage").asString())
                .contains("routed the request for range1 to no queue", "NO_ROUTE", UNROUTED_QUEUE);
    }

    /** A request whose handler throws was dropped: nobody could see it or send it again. */
    @Test
    void aRequestTheWorkerCannotRunIsDeadLetteredToTheRejectedQueue() {
        RabbitTemplate rabbit = new RabbitTemplate(worker.getBean(ConnectionFactory.class));
        rabbit.setMessageConverter(RemotePartitioning.requests());
        rabbit.convertAndSend(
                "", QUEUE, new StepExecutionRequest(ReevaluationJobConfiguration.RANGE_STEP, 987_654_321L));

        Message rejected = rabbit.receive(RemotePartitioning.rejected(QUEUE), 20_000);

        assertThat(rejected)
                .as("the request in " + RemotePartitioning.rejected(QUEUE))
                .isNotNull();
        assertThat(((StepExecutionRequest) rabbit.getMessageConverter().fromMessage(rejected)).getStepExecutionId())
                .isEqualTo(987_654_321L);
        assertThat(rejected.getMessageProperties().getXDeathHeader())
                .as("x-death")
                .isNotEmpty();
        assertThat(rejected.getMessageProperties().getXDeathHeader().get(0).get("reason"))
                .isEqualTo("rejected");
    }

    /** The manager waited for ever for ranges nobody ran. */
    @Test
    void rangesThatDoNotAnswerFailTheRunNamingThem() throws Exception {
        ReevaluationFixture fixture = new ReevaluationFixture(api).register(20, ReevaluationControlTests.AS_OF);
        String id;
        try (Connection held = HeldHouseholds.lock(manager.getBean(DataSource.class), List.of(first(fixture)))) {
            id = fixture.start(body("asOf", ReevaluationControlTests.AS_OF.toString(), "regionCode", fixture.region));

            JsonNode failed = awaitEnd(api, id, Duration.ofSeconds(40));
            assertThat(failed.get("state").asString()).as(failed.toString()).isEqualTo("FAILED");
            assertThat(failed.get("exitMessage").asString())
                    .contains("ranges that did not answer: range1, range2", "app.reevaluation.remote-timeout");
            held.rollback();
        }
        awaitRangeEnded(id, "range1");
    }

    /**
     * A resume gave the range a worker still ran a new execution, and a second worker (or the same one, next)
     * ran it beside the first: its households were evaluated twice. Answered 409 naming it, then resumed once
     * it has ended, every household is evaluated once and range 1 runs once.
     */
    @Test
    void aRangeAWorkerStillRunsIsNotHandedOutAgain() throws Exception {
        ReevaluationFixture fixture = new ReevaluationFixture(api).register(20, ReevaluationControlTests.AS_OF);
        String id;
        try (Connection held = HeldHouseholds.lock(manager.getBean(DataSource.class), List.of(first(fixture)))) {
            id = fixture.start(body("asOf", ReevaluationControlTests.AS_OF.toString(), "regionCode", fixture.region));
            assertThat(awaitEnd(api, id, Duration.ofSeconds(40)).get("state").asString())
                    .isEqualTo("FAILED");

            Api.Response refused = api.post("/api/reevaluations/" + id + "/resume", "policy", "");

            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json()
                            .get("heldRanges")
                            .valueStream()
                            .map(JsonNode::asString)
                            .toList())
                    .containsExactly("range1");
            held.rollback();
        }
        awaitRangeEnded(id, "range1");
        Api.Response resumed = api.post("/api/reevaluations/" + id + "/resume", "policy", "");
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        JsonNode done = awaitEnd(api, id, Duration.ofSeconds(60));
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("COMPLETED");

        JdbcTemplate jdbc = manager.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForList(
                        "SELECT household_id FROM run_evaluation WHERE reevaluation_id = ?", String.class, id))
                .as("households evaluated by the run, each once")
                .hasSize(fixture.households.size())
                .doesNotHaveDuplicates();
        assertThat(rangeStatuses(id, "range1")).as("range 1, run once").containsExactly("COMPLETED");
    }

    private static String first(ReevaluationFixture fixture) {
        return fixture.households.keySet().stream().sorted().findFirst().orElseThrow();
    }

    private static JsonNode awaitEnd(Api api, String id, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode progress;
        do {
            progress = api.get("/api/reevaluations/" + id, "policy").json();
            if (!progress.get("state").asString().equals("RUNNING")) {
                return progress;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("re-evaluation " + id + " did not end within " + within + ": " + progress);
    }

    private static void awaitRangeEnded(String id, String range) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(rangeStatuses(id, range))
                        .isNotEmpty()
                        .noneMatch(status -> status.equals("STARTED") || status.equals("STARTING")));
    }

    /** The statuses of every execution of one range of the run, oldest first. */
    private static List<String> rangeStatuses(String id, String range) {
        return manager.getBean(JdbcTemplate.class)
                .queryForList(
                        """
                SELECT s.STATUS FROM BATCH_STEP_EXECUTION s
                  JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID
                 WHERE p.PARAMETER_NAME = ? AND p.PARAMETER_VALUE = ? AND s.STEP_NAME = ?
                 ORDER BY s.STEP_EXECUTION_ID
                """,
                        String.class,
                        ReevaluationJobConfiguration.RUN_ID,
                        id,
                        ReevaluationJobConfiguration.RANGE_STEP + ":" + range);
    }
}
