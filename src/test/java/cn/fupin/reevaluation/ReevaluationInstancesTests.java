package cn.fupin.reevaluation;

import static cn.fupin.reevaluation.ReevaluationFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.system.Api;
import cn.fupin.system.Instances;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the service on the test run's database (H2, or MySQL/MariaDB with -Pmysql), started in this
 * JVM as ReplicaTests does but without a broker: asked at the same moment for overlapping runs, one starts
 * and the other is refused. A lock inside one process let both start.
 */
class ReevaluationInstancesTests {

    /** Each round is a fresh race; without a lock across instances the first rounds already let both start. */
    static final int ROUNDS = 8;

    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;
    static Api apiA;
    static Api apiB;

    @BeforeAll
    static void startTwoInstances() {
        a = start();
        b = start();
        apiA = Instances.api(a);
        apiB = Instances.api(b);
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    /**
     * Runs left running are not recovered at start: another context of the test run may be running one. One
     * range in chunks of 5, so that a run waits on the first household while a test holds its row.
     */
    static ConfigurableApplicationContext start() {
        return Instances.start(
                "--app.reevaluation.recover-on-start=false",
                "--app.reevaluation.chunk-size=5",
                "--app.reevaluation.threads=1");
    }

    @Test
    void overlappingRunsAskedOfTwoInstancesAtOnceStartOnlyOnce() throws Exception {
        ReevaluationFixture fixture = new ReevaluationFixture(apiA).register(12, ReevaluationControlTests.AS_OF);
        String first = fixture.households.keySet().iterator().next();
        Map<String, Object> run = body("asOf", ReevaluationControlTests.AS_OF.toString(), "regionCode", fixture.region);
        // The first request of each instance pays for its start-up: not part of the race.
        assertThat(apiA.get("/api/reevaluations?size=1", "policy").status()).isEqualTo(200);
        assertThat(apiB.get("/api/reevaluations?size=1", "policy").status()).isEqualTo(200);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                List<Api.Response> answers;
                List<String> started = new ArrayList<>();
                // The first household's row is held, so that a run that starts stays running through the round.
                try (Connection held = HeldHouseholds.lock(a.getBean(DataSource.class), List.of(first))) {
                    answers = atOnce(threads, run);
                    for (Api.Response answer : answers) {
                        if (answer.status() == 202) {
                            started.add(answer.json().get("reevaluationId").asString());
                        }
                    }
                    for (String id : started) {
                        assertThat(apiA.post("/api/reevaluations/" + id + "/stop", "policy", "")
                                        .status())
                                .isEqualTo(200);
                    }
                    held.rollback();
                }
                for (String id : started) {
                    assertThat(fixture.await(id).get("state").asString()).isEqualTo("STOPPED");
                }
                assertThat(answers)
                        .as(
                                "round %d: %s",
                                round,
                                answers.stream()
                                        .map(r -> r.status() + " " + r.body())
                                        .toList())
                        .extracting(Api.Response::status)
                        .containsExactlyInAnyOrder(202, 409);
                Api.Response refused = answers.stream()
                        .filter(r -> r.status() == 409)
                        .findFirst()
                        .orElseThrow();
                assertThat(refused.json().get("runningReevaluationId").asString())
                        .isEqualTo(started.get(0));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** The same request to each instance, both sent when both threads are ready. */
    static List<Api.Response> atOnce(ExecutorService threads, Map<String, Object> body) throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (Api api : List.of(apiA, apiB)) {
            answers.add(threads.submit(() -> {
                ready.countDown();
                go.await();
                return api.post("/api/reevaluations", "policy", body);
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<Api.Response> out = new ArrayList<>();
        for (Future<Api.Response> answer : answers) {
            out.add(answer.get(60, TimeUnit.SECONDS));
        }
        return out;
    }
}
