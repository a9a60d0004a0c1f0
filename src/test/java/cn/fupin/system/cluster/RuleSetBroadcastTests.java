package cn.fupin.system.cluster;

import cn.fupin.policy.RuleSetActivated;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThatCode;

/** A rule set activated while the broker is away stays activated: the announcement fails quietly. */
class RuleSetBroadcastTests {

    @Test
    void anActivationIsNotUndoneByABrokerThatDoesNotAnswer() {
        CachingConnectionFactory nowhere = new CachingConnectionFactory("127.0.0.1", 1);
        try {
            RuleSetBroadcast broadcast = new RuleSetBroadcast(null, new RabbitTemplate(nowhere),
                    JsonMapper.builder().build());
            assertThatCode(() -> broadcast.activated(new RuleSetActivated("sha256:new", "sha256:old", "policy", false)))
                    .doesNotThrowAnyException();
        } finally {
            nowhere.destroy();
        }
    }
}
