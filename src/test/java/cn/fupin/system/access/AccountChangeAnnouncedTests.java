package cn.fupin.system.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.fupin.system.Instances;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The changes of {@link AccountChangeAcrossInstancesTests}, with {@code app.cluster.enabled} and a real
 * RabbitMQ broker (.ci/run starts it): each instance keeps accounts between requests, and a change made on
 * one applies on the other as soon as its announcement is heard. An instance that cannot hear reads accounts
 * at every request.
 */
class AccountChangeAnnouncedTests extends AccountChangeAcrossInstancesTests {

    @BeforeAll
    static void broker() {
        assumeTrue(Instances.brokerListening(), "RabbitMQ on 127.0.0.1:5672 (.ci/run starts it)");
    }

    @Override
    List<String> settings() {
        return List.of("--spring.profiles.active=instances", "--app.cluster.enabled=true");
    }

    @Override
    void eventually(Callable<Integer> request, int status) {
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(request, s -> s == status);
    }

    @BeforeEach
    void bothHearing() {
        for (ConfigurableApplicationContext instance : List.of(a, b)) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> instance.getBean(KnownAccounts.class).hearing());
        }
    }

    /** A role taken away in the database behind the service's back: kept accounts do not see it. */
    private void demoteBehindTheServicesBack(String user) {
        a.getBean(JdbcTemplate.class)
                .update(
                        "UPDATE app_user SET roles = 'CASEWORKER', account_version = account_version + 1"
                                + " WHERE username = ?",
                        user);
    }

    @Test
    void anAccountIsKeptBetweenRequestsWhileChangesAreHeardAndReadAtEveryRequestOtherwise() throws Exception {
        String user = clerk("[\"POLICY\", \"CASEWORKER\"]");
        assertThat(get(a, "/api/reevaluations", user + ":clerk-secret-1")).isEqualTo(200);
        demoteBehindTheServicesBack(user);
        assertThat(get(a, "/api/reevaluations", user + ":clerk-secret-1"))
                .as("kept: no change was announced")
                .isEqualTo(200);

        RabbitListenerEndpointRegistry listeners = a.getBean(RabbitListenerEndpointRegistry.class);
        listeners.getListenerContainer(AccountBroadcast.LISTENER).stop();
        try {
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !a.getBean(KnownAccounts.class).hearing());
            assertThat(get(a, "/api/reevaluations", user + ":clerk-secret-1"))
                    .as("read again once changes may go unheard")
                    .isEqualTo(403);
        } finally {
            listeners.getListenerContainer(AccountBroadcast.LISTENER).start();
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> a.getBean(KnownAccounts.class).hearing());
    }
}
