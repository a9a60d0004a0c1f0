package cn.fupin.policy;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.ExchangeTypes;
import org.springframework.amqp.rabbit.annotation.Exchange;
import org.springframework.amqp.rabbit.annotation.Queue;
import org.springframework.amqp.rabbit.annotation.QueueBinding;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the rule set of several service instances the same. A rule set activated on one instance (a reload by
 * policy staff, or the folder watch) is announced on the fanout exchange {@value #EXCHANGE}; every other
 * instance reloads its own rules folder through the same gate (compile, metadata, scenarios) and so comes to
 * the same version, or keeps its rules and says why in its log: a folder not yet updated gives another
 * version, a broken one is refused. {@code GET /api/rulesets/active} on each instance shows where it stands.
 *
 * <p>On only with {@code app.cluster.enabled=true} and a broker ({@code spring.rabbitmq.*}); a single instance
 * needs neither. Each instance listens on a queue of its own that lives as long as its connection.
 */
@Component
@ConditionalOnBooleanProperty("app.cluster.enabled")
class RuleSetBroadcast {

    static final String EXCHANGE = "fupin.rulesets";

    private static final Logger log = LoggerFactory.getLogger(RuleSetBroadcast.class);

    /** What an instance announces: the version it activated, who asked, and which instance it is. */
    record Announcement(String version, String user, String instance) {}

    private final ActiveRuleSet active;
    private final RabbitTemplate rabbit;
    private final JsonMapper json;
    private final String instance = UUID.randomUUID().toString();

    RuleSetBroadcast(ActiveRuleSet active, RabbitTemplate rabbit, JsonMapper json) {
        this.active = active;
        this.rabbit = rabbit;
        this.json = json;
    }

    @EventListener
    void activated(RuleSetActivated event) {
        if (event.followed()) {
            return; // activated because of an announcement: every instance heard that one already
        }
        try {
            rabbit.convertAndSend(
                    EXCHANGE, "", json.writeValueAsString(new Announcement(event.version(), event.user(), instance)));
            log.info("Rule set {} announced to the other instances", event.version());
        } catch (AmqpException e) {
            // The broker is away or refused: the rule set is active here all the same, and the others follow at
            // their own next reload. Only the broker's failures are caught: any other is a fault to be seen.
            log.warn(
                    "Rule set {} is active on this instance but could not be announced to the others: {}",
                    event.version(),
                    e.getClass().getSimpleName());
        }
    }

    @RabbitListener(
            bindings =
                    @QueueBinding(
                            value = @Queue(exclusive = "true", autoDelete = "true"),
                            exchange = @Exchange(value = EXCHANGE, type = ExchangeTypes.FANOUT)))
    void announced(String message) {
        // Nothing is thrown back to the broker: a message it redelivered would fail the same way again.
        try {
            Announcement announced = json.readValue(message, Announcement.class);
            if (announced.instance().equals(instance)
                    || announced.version().equals(active.get().version())) {
                return;
            }
            ActiveRuleSet.Reload followed =
                    active.follow(announced.version(), announced.user() + " (announced by another instance)");
            if (!followed.activated()) {
                log.warn(
                        "Another instance activated rule set {}, but this instance's rules folder gives {}: it keeps"
                                + " {} until its folder is updated and reloaded",
                        announced.version(),
                        followed.version(),
                        active.get().version());
            }
        } catch (RuleSetRefusedException e) {
            log.warn(
                    "Another instance activated a new rule set; this instance's rules folder does not pass the gate"
                            + " and its rule set {} stays active",
                    active.get().version());
        } catch (RuntimeException e) {
            log.warn(
                    "An announcement of another instance could not be followed ({}); rule set {} stays active",
                    e.getClass().getSimpleName(),
                    active.get().version());
        }
    }
}
