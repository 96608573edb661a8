package app.soiree.query.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.identity.UserId;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.converter.SimpleMessageConverter;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.broker.OrderedMessageChannelDecorator;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.messaging.support.ExecutorSubscribableChannel;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

/**
 * Pushes with the broker in this process: straight from {@link StompUserPush} to the sockets subscribed to their user's
 * events, through an outbound channel with a pool of four threads as the server's, and with the broker channel (where
 * the user destinations and the broker would have taken them) never used.
 */
class EventQueueSubscriptionsTest {

    private final UserId ana = UserId.random();
    private final UserId ben = UserId.random();
    private final List<Message<?>> delivered = new CopyOnWriteArrayList<>();
    private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
    private final ExecutorSubscribableChannel clientOutboundChannel = new ExecutorSubscribableChannel(pool);
    private final EventQueueSubscriptions subscriptions = new EventQueueSubscriptions(
            new StaticListableBeanFactory(Map.of("clientOutboundChannel", clientOutboundChannel)).getBeanProvider(MessageChannel.class));
    private final RecordedPushes brokerChannel = new RecordedPushes();

    EventQueueSubscriptionsTest() {
        pool.setCorePoolSize(4);
        pool.initialize();
        clientOutboundChannel.subscribe(message -> {
            Thread.yield(); // the pool's threads overtake one another unless the order is kept
            delivered.add(message);
        });
        OrderedMessageChannelDecorator.configureInterceptor(clientOutboundChannel, true); // the configuration's preserved publish order
        subscriptions.recording();
    }

    @AfterEach
    void stopThePool() {
        pool.shutdown();
    }

    @Test
    void aPushReachesEverySubscribedSocketOfItsUsersInTheOrderItWasMadeAndNothingGoesThroughTheBroker() {
        connect(ana, "ana-phone");
        connect(ana, "ana-laptop");
        connect(ben, "ben-phone"); // connected, never subscribed
        subscribe("ana-phone", "sub-0");
        subscribe("ana-laptop", "sub-7");

        StompUserPush push = push();
        IntStream.range(0, 200).forEach(n -> push.push(List.of(ana, ben), envelope(n)));
        push.push(ana, envelope(200));

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 402);
        assertThat(numbersTo("ana-phone")).containsExactlyElementsOf(IntStream.rangeClosed(0, 200).boxed().toList());
        assertThat(numbersTo("ana-laptop")).containsExactlyElementsOf(IntStream.rangeClosed(0, 200).boxed().toList());
        assertThat(delivered).allSatisfy(message -> {
            SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(message);
            assertThat(headers.getMessageType()).isEqualTo(SimpMessageType.MESSAGE);
            assertThat(headers.getDestination()).isEqualTo("/user/queue/events");
            assertThat(headers.getSubscriptionId()).isEqualTo(headers.getSessionId().equals("ana-phone") ? "sub-0" : "sub-7");
        });
        assertThat(brokerChannel.all()).isEmpty();
    }

    @Test
    void anUnsubscribedOrClosedSocketIsForgottenAndASocketThatNeverConnectedIsNotRecorded() {
        connect(ana, "ana-phone");
        subscribe("ana-phone", "sub-0");
        assertThat(subscriptions.of(ana)).extracting(EventQueueSubscriptions.Subscriber::sessionId).containsExactly("ana-phone");

        unsubscribe("ana-phone", "sub-0");
        assertThat(subscriptions.of(ana)).isEmpty();

        subscribe("ana-phone", "sub-1");
        subscribeTo("ana-phone", "sub-2", "/queue/events-userana-laptop"); // another socket's queue: not this socket's events
        assertThat(subscriptions.of(ana)).extracting(EventQueueSubscriptions.Subscriber::subscriptionId).containsExactly("sub-1");

        subscriptions.disconnected(new SessionDisconnectEvent(this, message(StompHeaderAccessor.create(StompCommand.DISCONNECT)), "ana-phone",
                CloseStatus.NORMAL));
        assertThat(subscriptions.of(ana)).isEmpty();
        assertThat(subscriptions.knows("ana-phone")).isFalse();

        subscribe("ana-phone", "sub-3"); // late, after its socket closed
        assertThat(subscriptions.knows("ana-phone")).isFalse();

        StompHeaderAccessor connected = StompHeaderAccessor.create(StompCommand.CONNECTED);
        connected.setSessionId("not-a-user");
        subscriptions.connected(new SessionConnectedEvent(this, message(connected), () -> "admin")); // never addressed by a push
        subscribe("not-a-user", "sub-0");
        assertThat(subscriptions.knows("not-a-user")).isFalse();
        push().push(ana, envelope(1));
        assertThat(delivered).isEmpty();
        assertThat(brokerChannel.all()).isEmpty();
    }

    @Test
    void withoutThePreservedPublishOrderEveryPushStillLeaves() {
        List<Message<?>> sent = new CopyOnWriteArrayList<>();
        ExecutorSubscribableChannel unordered = new ExecutorSubscribableChannel(); // no callback interceptor: nothing releases a held push
        unordered.subscribe(sent::add);
        EventQueueSubscriptions unorderedSubscriptions = new EventQueueSubscriptions(
                new StaticListableBeanFactory(Map.of("clientOutboundChannel", unordered)).getBeanProvider(MessageChannel.class));
        unorderedSubscriptions.recording();
        connect(unorderedSubscriptions, ana, "ana-phone");
        subscribeTo(unorderedSubscriptions, "ana-phone", "sub-0", "/queue/events-userana-phone");

        StompUserPush push = push(unorderedSubscriptions);
        IntStream.range(0, 3).forEach(n -> push.push(ana, envelope(n)));

        assertThat(sent).hasSize(3);
    }

    private StompUserPush push() {
        return push(subscriptions);
    }

    private StompUserPush push(EventQueueSubscriptions by) {
        SimpMessagingTemplate template = new SimpMessagingTemplate(brokerChannel);
        template.setMessageConverter(new SimpleMessageConverter());
        return new StompUserPush(template, new StaticListableBeanFactory().getBeanProvider(SimpUserRegistry.class), by,
                new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));
    }

    private List<Integer> numbersTo(String sessionId) {
        return delivered.stream()
                .filter(message -> sessionId.equals(SimpMessageHeaderAccessor.getSessionId(message.getHeaders())))
                .map(message -> (Integer) ((Map<?, ?>) ((PushEnvelope) message.getPayload()).data()).get("n"))
                .toList();
    }

    private static PushEnvelope envelope(int n) {
        return new PushEnvelope("message.created", null, null, Instant.parse("2026-12-07T10:00:00Z"), Map.of("n", n));
    }

    /** As the socket's CONNECTED is sent, for the user its token named. */
    private void connect(UserId user, String sessionId) {
        connect(subscriptions, user, sessionId);
    }

    private void connect(EventQueueSubscriptions into, UserId user, String sessionId) {
        StompHeaderAccessor connected = StompHeaderAccessor.create(StompCommand.CONNECTED);
        connected.setSessionId(sessionId);
        Principal principal = user::toString;
        into.connected(new SessionConnectedEvent(this, message(connected), principal));
    }

    /** As the user destination handler hands a SUBSCRIBE to /user/queue/events to the broker channel. */
    private void subscribe(String sessionId, String subscriptionId) {
        subscribeTo(sessionId, subscriptionId, "/queue/events-user" + sessionId);
    }

    private void subscribeTo(String sessionId, String subscriptionId, String destination) {
        subscribeTo(subscriptions, sessionId, subscriptionId, destination);
    }

    private void subscribeTo(EventQueueSubscriptions into, String sessionId, String subscriptionId, String destination) {
        SimpMessageHeaderAccessor subscribe = SimpMessageHeaderAccessor.create(SimpMessageType.SUBSCRIBE);
        subscribe.setSessionId(sessionId);
        subscribe.setSubscriptionId(subscriptionId);
        subscribe.setDestination(destination);
        into.preSend(message(subscribe), brokerChannel);
    }

    /** As the socket's handler announces an UNSUBSCRIBE (it names no destination, so it never reaches the broker channel). */
    private void unsubscribe(String sessionId, String subscriptionId) {
        SimpMessageHeaderAccessor unsubscribe = SimpMessageHeaderAccessor.create(SimpMessageType.UNSUBSCRIBE);
        unsubscribe.setSessionId(sessionId);
        unsubscribe.setSubscriptionId(subscriptionId);
        subscriptions.unsubscribed(new SessionUnsubscribeEvent(this, message(unsubscribe)));
    }

    private static Message<byte[]> message(SimpMessageHeaderAccessor headers) {
        return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
    }
}
