package app.soiree.query.realtime;

import app.soiree.api.identity.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.OrderedMessageChannelDecorator;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

/**
 * Which sockets of this replica subscribed to their user's events, so that a push reaches them without a trip through
 * Spring's user destinations and simple broker: resolving {@code /user/{id}/queue/events} to a session queue, then
 * matching that queue's subscriptions, once for every member of a conversation and every message, was a third of the
 * chat processor's time at capacity. Only with the broker in this process ({@link #recording()}, called by the socket's
 * configuration): with the relay the broker holds the subscriptions and may hold them for another replica.
 * <p>
 * Kept from what the broker is told, so it never disagrees with it: a subscription is recorded as it goes to the
 * broker (on the broker channel, where the user destination handler hands it on, before the subscription's receipt is
 * sent), forgotten on {@code UNSUBSCRIBE} (which names no destination, so the broker takes it from the client's channel
 * and the socket's handler announces it) and with its socket. Only sockets that finished their {@code CONNECT} are
 * recorded, so a subscription that arrives after its socket closed cannot stay behind. (An {@code UNSUBSCRIBE} sent right
 * behind its {@code SUBSCRIBE} may be announced before the subscription reaches the broker channel; the subscription then
 * stays until its socket closes, and its client ignores the frames of a subscription it ended, as with the broker.)
 * <p>
 * Each socket's pushes leave in the order they were made, through one {@link OrderedMessageChannelDecorator} a socket,
 * as the simple broker's own do (the socket configuration preserves the publish order).
 */
@Component
public class EventQueueSubscriptions implements ChannelInterceptor {

    /** Where the user destination resolver puts a socket's subscription to {@code /user/queue/events}: this plus its session id. */
    private static final String SESSION_QUEUE = StompUserPush.DESTINATION + "-user";
    private static final Log log = LogFactory.getLog(EventQueueSubscriptions.class);

    /** A socket's subscription to its user's events, and the socket's ordered way out. */
    public record Subscriber(String sessionId, String subscriptionId, MessageChannel toSocket) {
    }

    private record Socket(UserId user, MessageChannel toSocket) {
    }

    private final SingletonSupplier<MessageChannel> clientOutboundChannel;
    private final Map<String, Socket> sockets = new ConcurrentHashMap<>();
    // By the user's id, not its name: a push has the id, and a member's lookup is then a UUID's hash, not a string made.
    private final Map<UserId, List<Subscriber>> byUser = new ConcurrentHashMap<>();
    private volatile boolean recording;

    EventQueueSubscriptions(@Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutboundChannel) {
        this.clientOutboundChannel = SingletonSupplier.of(clientOutboundChannel::getObject);
    }

    /** This, as the broker channel's interceptor of a broker in this process; from then on pushes go by it. */
    public ChannelInterceptor recording() {
        recording = true;
        return this;
    }

    /** Whether pushes go by it: it records what a broker in this process is told (false with the relay). */
    public boolean recorded() {
        return recording;
    }

    /** The sockets of the user subscribed to its events now; empty for a user without one. */
    public List<Subscriber> of(UserId user) {
        return byUser.getOrDefault(user, List.of());
    }

    @EventListener
    void connected(SessionConnectedEvent event) {
        String sessionId = SimpMessageHeaderAccessor.getSessionId(event.getMessage().getHeaders());
        UserId user = event.getUser() == null ? null : userOf(event.getUser().getName());
        if (recording && sessionId != null && user != null) {
            sockets.put(sessionId, new Socket(user, toSocket()));
        }
    }

    /**
     * The ordered way out where the outbound channel releases a socket's next push once the one before is sent (the
     * configuration's preserved publish order); without that, a decorator would hold every push after its first, so
     * pushes go as the broker's would then, unordered.
     */
    private MessageChannel toSocket() {
        MessageChannel outbound = clientOutboundChannel.obtain();
        return OrderedMessageChannelDecorator.supportsOrderedMessages(outbound) ? new OrderedMessageChannelDecorator(outbound, log) : outbound;
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        Socket socket = sockets.remove(event.getSessionId());
        if (socket != null) {
            change(socket.user(), subscribers -> subscribers.removeIf(subscriber -> subscriber.sessionId().equals(event.getSessionId())));
        }
    }

    @EventListener
    void unsubscribed(SessionUnsubscribeEvent event) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(event.getMessage());
        String sessionId = headers.getSessionId();
        String subscriptionId = headers.getSubscriptionId();
        Socket socket = sessionId == null ? null : sockets.get(sessionId);
        if (socket != null && subscriptionId != null) {
            change(socket.user(), subscribers -> subscribers.removeIf(
                    subscriber -> subscriber.sessionId().equals(sessionId) && subscriber.subscriptionId().equals(subscriptionId)));
        }
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        if (SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) != SimpMessageType.SUBSCRIBE) {
            return message;
        }
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(message);
        String sessionId = headers.getSessionId();
        String subscriptionId = headers.getSubscriptionId();
        Socket socket = sessionId == null ? null : sockets.get(sessionId);
        if (socket != null && subscriptionId != null && (SESSION_QUEUE + sessionId).equals(headers.getDestination())) {
            change(socket.user(), subscribers -> {
                // Under the user's lock, as the closing of its sockets: a socket closed meanwhile stays closed.
                if (sockets.get(sessionId) == socket) {
                    subscribers.add(new Subscriber(sessionId, subscriptionId, socket.toSocket()));
                }
            });
        }
        return message;
    }

    /** A socket's principal is named by its user's id (the access token's subject); any other name could never be pushed to. */
    private static @Nullable UserId userOf(String principalName) {
        try {
            return UserId.of(principalName);
        } catch (IllegalArgumentException notAUserId) {
            return null;
        }
    }

    /** Copy on write: a push reads a user's list without a lock while sockets come and go. */
    private void change(UserId user, Consumer<List<Subscriber>> change) {
        byUser.compute(user, (id, before) -> {
            List<Subscriber> after = before == null ? new ArrayList<>() : new ArrayList<>(before);
            change.accept(after);
            return after.isEmpty() ? null : List.copyOf(after);
        });
    }

    /** For the tests: whether anything is kept for the session (a closed socket leaves nothing behind). */
    boolean knows(@Nullable String sessionId) {
        return sessionId != null && (sockets.containsKey(sessionId)
                || byUser.values().stream().flatMap(List::stream).anyMatch(subscriber -> subscriber.sessionId().equals(sessionId)));
    }
}
