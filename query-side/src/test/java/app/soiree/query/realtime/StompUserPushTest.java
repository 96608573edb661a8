package app.soiree.query.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.identity.UserId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.converter.SimpleMessageConverter;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.simp.user.MultiServerUserRegistry;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import org.springframework.web.socket.messaging.DefaultSimpUserRegistry;
import org.springframework.web.socket.messaging.SessionConnectedEvent;

class StompUserPushTest {

    private final UserId ana = UserId.random();
    private final PushEnvelope envelope = new PushEnvelope("unread.total", null, null, Instant.parse("2026-12-02T10:00:00Z"), Map.of("total", 3));
    private final RecordedPushes pushes = new RecordedPushes();
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void sendsAtOnceToTheUsersEventsWhenThereIsNoTransaction() {
        push(pushes).push(ana, envelope);

        assertThat(pushes.all()).containsExactly(new RecordedPushes.Push(ana, envelope));
    }

    @Test
    void waitsForTheCommit() {
        TransactionSynchronizationManager.initSynchronization();
        push(pushes).push(ana, envelope);
        assertThat(pushes.all()).isEmpty();

        TransactionSynchronizationUtils.triggerAfterCommit();

        assertThat(pushes.to(ana)).containsExactly(envelope);
    }

    @Test
    void sendsNothingWhenTheTransactionRollsBack() {
        TransactionSynchronizationManager.initSynchronization();
        push(pushes).push(List.of(ana, UserId.random()), envelope);

        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat(pushes.all()).isEmpty();
    }

    @Test
    void anEnvelopeForManyUsersIsConvertedOnceAndReachesEachAfterTheCommit() {
        UserId ben = UserId.random();
        UserId cleo = UserId.random();
        java.util.concurrent.atomic.AtomicInteger conversions = new java.util.concurrent.atomic.AtomicInteger();
        SimpMessagingTemplate template = new SimpMessagingTemplate(pushes);
        template.setMessageConverter(new SimpleMessageConverter() {
            @Override
            public org.springframework.messaging.Message<?> toMessage(Object payload, org.springframework.messaging.MessageHeaders headers) {
                conversions.incrementAndGet();
                return super.toMessage(payload, headers);
            }
        });
        StompUserPush push = new StompUserPush(template, noRegistry(), throughTheBroker(),
                new StaticListableBeanFactory(Map.of("meters", meters)).getBeanProvider(MeterRegistry.class));

        TransactionSynchronizationManager.initSynchronization();
        push.push(List.of(ana, ben, cleo), envelope);
        assertThat(pushes.all()).isEmpty();
        TransactionSynchronizationUtils.triggerAfterCommit();

        assertThat(pushes.all()).containsExactly(new RecordedPushes.Push(ana, envelope), new RecordedPushes.Push(ben, envelope),
                new RecordedPushes.Push(cleo, envelope));
        assertThat(conversions).hasValue(1);
    }

    @Test
    void withTheBrokerInThisProcessAnEnvelopeForManyReachesOnlyThoseWithASocket() {
        UserId ben = UserId.random();
        UserId cleo = UserId.random();
        DefaultSimpUserRegistry registry = new DefaultSimpUserRegistry();
        connect(registry, ana, "session-1");
        connect(registry, cleo, "session-2");

        push(pushes, registry).push(List.of(ana, ben, cleo), envelope);

        assertThat(pushes.all()).containsExactly(new RecordedPushes.Push(ana, envelope), new RecordedPushes.Push(cleo, envelope));
    }

    @Test
    void withTheRelayEveryUserIsHandedOnForTheBrokerToFind() {
        UserId ben = UserId.random();
        DefaultSimpUserRegistry local = new DefaultSimpUserRegistry();
        connect(local, ana, "session-1");

        // ben may have a socket on another replica that this one has not heard of yet
        push(pushes, new MultiServerUserRegistry(local)).push(List.of(ana, ben), envelope);

        assertThat(pushes.all()).containsExactly(new RecordedPushes.Push(ana, envelope), new RecordedPushes.Push(ben, envelope));
    }

    @Test
    void withTheBrokerInThisProcessItKnowsWhoHasASocketAndWithTheRelayItDoesNot() {
        UserId ben = UserId.random();
        DefaultSimpUserRegistry local = new DefaultSimpUserRegistry();
        connect(local, ana, "session-1");
        connect(local, ben, "session-2");
        connect(local, ben, "session-3");

        assertThat(push(pushes, local).connectedUsers()).contains(Set.of(ana.toString(), ben.toString()));
        assertThat(push(pushes, new MultiServerUserRegistry(local)).connectedUsers()).isEmpty();
        assertThat(push(pushes).connectedUsers()).isEmpty();
    }

    @Test
    void aFailedPushIsCountedAndNeverThrown() {
        StompUserPush push = push((message, timeout) -> {
            throw new MessageDeliveryException("Message broker not active");
        });

        push.push(ana, envelope);
        push.push(ana, envelope);

        assertThat(meters.counter(StompUserPush.FAILED).count()).isEqualTo(2);
    }

    private StompUserPush push(org.springframework.messaging.MessageChannel channel) {
        SimpMessagingTemplate template = new SimpMessagingTemplate(channel);
        template.setMessageConverter(new SimpleMessageConverter());
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("meters", meters));
        ObjectProvider<MeterRegistry> registry = beans.getBeanProvider(MeterRegistry.class);
        return new StompUserPush(template, noRegistry(), throughTheBroker(), registry);
    }

    private StompUserPush push(org.springframework.messaging.MessageChannel channel, SimpUserRegistry connected) {
        SimpMessagingTemplate template = new SimpMessagingTemplate(channel);
        template.setMessageConverter(new SimpleMessageConverter());
        return new StompUserPush(template, new StaticListableBeanFactory(Map.of("connected", connected)).getBeanProvider(SimpUserRegistry.class),
                throughTheBroker(),
                new StaticListableBeanFactory(Map.of("meters", meters)).getBeanProvider(MeterRegistry.class));
    }

    /** Not recording, as with the relay: pushes go through the user destinations and the broker. */
    private static EventQueueSubscriptions throughTheBroker() {
        return new EventQueueSubscriptions(new StaticListableBeanFactory().getBeanProvider(org.springframework.messaging.MessageChannel.class));
    }

    private static ObjectProvider<SimpUserRegistry> noRegistry() {
        return new StaticListableBeanFactory().getBeanProvider(SimpUserRegistry.class);
    }

    /** As the broker's registry learns of a socket: its CONNECTED, for the user the token named. */
    private static void connect(DefaultSimpUserRegistry registry, UserId user, String sessionId) {
        StompHeaderAccessor connected = StompHeaderAccessor.create(StompCommand.CONNECTED);
        connected.setSessionId(sessionId);
        Principal principal = user::toString;
        registry.onApplicationEvent(new SessionConnectedEvent(new Object(), MessageBuilder.createMessage(new byte[0],
                connected.getMessageHeaders()), principal));
    }
}
