package cn.fupin.system.access;

import java.util.Arrays;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.ExchangeTypes;
import org.springframework.amqp.event.AmqpEvent;
import org.springframework.amqp.rabbit.annotation.Exchange;
import org.springframework.amqp.rabbit.annotation.Queue;
import org.springframework.amqp.rabbit.annotation.QueueBinding;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.AsyncConsumerStoppedEvent;
import org.springframework.amqp.rabbit.listener.ConsumeOkEvent;
import org.springframework.amqp.rabbit.listener.ListenerContainerConsumerFailedEvent;
import org.springframework.amqp.rabbit.listener.ListenerContainerConsumerTerminatedEvent;
import org.springframework.amqp.rabbit.listener.MessageListenerContainer;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Announces a changed account (password, roles, region, enabled, a lock) to every instance over the fanout
 * exchange {@value #EXCHANGE}, after the change commits, and drops what this instance kept of an account
 * another instance announced. While its consumer is attached to its queue, the instance keeps accounts between
 * requests ({@link KnownAccounts#startHearing()}); once it detaches (the broker away, the connection lost) it reads
 * them at every request again until it is attached anew, since what was announced meanwhile is lost with
 * its queue, which lives as long as its connection. On with {@code app.cluster.enabled}, as the rule sets'
 * announcements are. Only the username travels; nothing of it is logged.
 */
@Component
@ConditionalOnBooleanProperty("app.cluster.enabled")
class AccountBroadcast {

    static final String EXCHANGE = "fupin.accounts";
    static final String LISTENER = "account-changes";

    private static final Logger log = LoggerFactory.getLogger(AccountBroadcast.class);

    private final KnownAccounts known;
    private final RabbitTemplate rabbit;
    private final RabbitListenerEndpointRegistry listeners;
    private final String instance = UUID.randomUUID().toString();

    AccountBroadcast(KnownAccounts known, RabbitTemplate rabbit, RabbitListenerEndpointRegistry listeners) {
        this.known = known;
        this.rabbit = rabbit;
        this.listeners = listeners;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void changed(AccountChanged changed) {
        try {
            rabbit.convertAndSend(EXCHANGE, "", instance + " " + changed.username());
        } catch (AmqpException e) {
            // The change stands; the others read it once what they keep expires (app.security.account-cache.ttl)
            // or their consumer detaches from a broker that is away.
            log.warn(
                    "An account change could not be announced to the other instances: {}",
                    e.getClass().getSimpleName());
        }
    }

    @RabbitListener(
            id = LISTENER,
            bindings =
                    @QueueBinding(
                            value = @Queue(exclusive = "true", autoDelete = "true"),
                            exchange = @Exchange(value = EXCHANGE, type = ExchangeTypes.FANOUT)))
    void announced(String message) {
        int space = message.indexOf(' ');
        if (space > 0 && !message.substring(0, space).equals(instance)) {
            known.forget(message.substring(space + 1));
        }
    }

    @EventListener
    void attached(ConsumeOkEvent event) {
        if (container() instanceof AbstractMessageListenerContainer c
                && Arrays.asList(c.getQueueNames()).contains(event.getQueue())) {
            known.startHearing();
        }
    }

    /** Its consumer failed, stopped or ended: what is announced from now on may go unheard. */
    @EventListener({
        ListenerContainerConsumerFailedEvent.class,
        AsyncConsumerStoppedEvent.class,
        ListenerContainerConsumerTerminatedEvent.class
    })
    void detached(AmqpEvent event) {
        if (event.getSource() == container()) {
            known.stopHearing();
        }
    }

    private MessageListenerContainer container() {
        return listeners.getListenerContainer(LISTENER);
    }
}
