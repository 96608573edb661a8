package app.soiree.query.realtime;

import app.soiree.api.identity.UserId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.MimeType;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.socket.messaging.DefaultSimpUserRegistry;

/**
 * Sends through the STOMP user destinations: {@code /user/{userId}/queue/events} reaches every socket
 * whose principal is named by that user id, on this replica or (with the broker relay) any other.
 * <p>
 * Inside a transaction the send waits for the commit, so that a client never hears of a change its
 * next read would not show, and a rolled-back change is never announced. A push that fails is logged
 * and counted ({@value #FAILED}) but never thrown: a projection must not stop, or replay its events,
 * because a socket could not be reached; clients recover anything missed by their resync.
 * <p>
 * With the broker in this process, its user registry is the truth about who has a socket: an envelope for many users
 * is handed on only for those who have one, where the broker would drop the rest one by one (a member joining a
 * gathering chat of 30,000, most of them offline, would otherwise cost 30,000 trips through the broker's pipeline). With
 * the relay the registry learns of other replicas' users late, so every user is handed on and the broker finds them.
 * <p>
 * With the broker in this process a push also skips the broker itself: it goes straight to the sockets subscribed to
 * their user's events ({@link EventQueueSubscriptions}), which is what the broker would have matched it to.
 */
@Component
class StompUserPush implements UserPush {

    static final String DESTINATION = "/queue/events";
    static final String FAILED = "soiree.realtime.pushes.failed";

    private static final Logger log = LoggerFactory.getLogger(StompUserPush.class);

    private final SimpMessageSendingOperations messaging;
    private final SingletonSupplier<SimpUserRegistry> connected;
    private final EventQueueSubscriptions subscriptions;
    private final @Nullable Counter failed;

    StompUserPush(SimpMessageSendingOperations messaging, ObjectProvider<SimpUserRegistry> connected, EventQueueSubscriptions subscriptions,
                  ObjectProvider<MeterRegistry> registry) {
        this.messaging = messaging;
        this.connected = SingletonSupplier.of(connected::getIfAvailable);
        this.subscriptions = subscriptions;
        MeterRegistry meters = registry.getIfAvailable();
        this.failed = meters == null ? null
                : Counter.builder(FAILED).description("Pushes to users' sockets that could not be handed to the broker").register(meters);
    }

    @Override
    public void push(UserId userId, PushEnvelope envelope) {
        if (subscriptions.recorded() && messaging instanceof SimpMessagingTemplate template) {
            afterCommit(() -> sendToSockets(template, List.of(userId), envelope));
        } else {
            afterCommit(() -> send(userId, envelope));
        }
    }

    /**
     * The same envelope to many users (a message to every member of its conversation): converted to its
     * wire form once, not once per user, and handed on user by user (to the broker, or with the broker in this process
     * to their sockets), after the commit as above.
     */
    @Override
    public void push(Collection<UserId> userIds, PushEnvelope envelope) {
        if (!(messaging instanceof SimpMessagingTemplate template) || userIds.size() < 2 && !subscriptions.recorded()) {
            UserPush.super.push(userIds, envelope);
            return;
        }
        List<UserId> users = List.copyOf(userIds);
        if (subscriptions.recorded()) {
            afterCommit(() -> sendToSockets(template, users, envelope));
        } else {
            afterCommit(() -> sendThroughTheBroker(template, users, envelope));
        }
    }

    private static void afterCommit(Runnable send) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    /** With the broker in this process: to each socket subscribed to its user's events, as the broker would have sent it. */
    private void sendToSockets(SimpMessagingTemplate template, List<UserId> addressed, PushEnvelope envelope) {
        Map<UserId, List<EventQueueSubscriptions.Subscriber>> sockets = new LinkedHashMap<>();
        addressed.forEach(user -> {
            List<EventQueueSubscriptions.Subscriber> subscribers = subscriptions.of(user);
            if (!subscribers.isEmpty()) {
                sockets.put(user, subscribers);
            }
        });
        if (sockets.isEmpty()) {
            return; // nobody to hear it: not even converted
        }
        Message<?> converted = convert(template, envelope, sockets.size());
        if (converted == null) {
            sockets.keySet().forEach(user -> failed(user, envelope, new MessageConversionException("not converted")));
            return;
        }
        Object payload = converted.getPayload();
        MimeType contentType = new MessageHeaderAccessor(converted).getContentType();
        String subscribed = StringUtils.trimTrailingCharacter(template.getUserDestinationPrefix(), '/') + DESTINATION; // /user/queue/events
        sockets.forEach((user, subscribers) -> subscribers.forEach(subscriber -> {
            try {
                // What the broker hands the outbound channel: a socket's session, subscription and destination.
                SimpMessageHeaderAccessor headers = freshHeaders(contentType);
                headers.setSessionId(subscriber.sessionId());
                headers.setSubscriptionId(subscriber.subscriptionId());
                headers.setDestination(subscribed);
                subscriber.toSocket().send(MessageBuilder.createMessage(payload, headers.getMessageHeaders()));
            } catch (RuntimeException e) {
                failed(user, envelope, e);
            }
        }));
    }

    private static @Nullable Message<?> convert(SimpMessagingTemplate template, PushEnvelope envelope, int users) {
        try {
            return template.getMessageConverter().toMessage(envelope, null);
        } catch (RuntimeException e) {
            log.warn("Could not convert {} for {} users: {}", envelope.type(), users, e.toString());
            return null;
        }
    }

    private void sendThroughTheBroker(SimpMessagingTemplate template, List<UserId> addressed, PushEnvelope envelope) {
        List<UserId> users = addressed.stream().filter(this::mayHaveASocket).toList();
        if (users.isEmpty()) {
            return; // nobody to hear it: not even converted
        }
        Message<?> converted = convert(template, envelope, users.size());
        if (converted == null) {
            users.forEach(user -> send(user, envelope)); // as one by one, which counts each failure
            return;
        }
        Object payload = converted.getPayload();
        MimeType contentType = new MessageHeaderAccessor(converted).getContentType();
        for (UserId user : users) {
            try {
                SimpMessageHeaderAccessor headers = freshHeaders(contentType); // as convertAndSendToUser builds it
                template.send(template.getUserDestinationPrefix() + StringUtils.replace(user.toString(), "/", "%2F") + DESTINATION,
                        MessageBuilder.createMessage(payload, headers.getMessageHeaders()));
            } catch (RuntimeException e) {
                failed(user, envelope, e);
            }
        }
    }

    /** A fresh, mutable header set for one recipient's message (the payload is shared; the headers may not be). */
    private static SimpMessageHeaderAccessor freshHeaders(@Nullable MimeType contentType) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        if (contentType != null) {
            headers.setContentType(contentType);
        }
        headers.setLeaveMutable(true);
        return headers;
    }

    @Override
    public Optional<Set<String>> connectedUsers() {
        if (!(connected.get() instanceof DefaultSimpUserRegistry local)) {
            return Optional.empty();
        }
        Set<String> users = new HashSet<>();
        local.getUsers().forEach(user -> users.add(user.getName()));
        return Optional.of(users);
    }

    /** False only where the registry is this process's own and knows no socket of the user (see the class comment). */
    private boolean mayHaveASocket(UserId user) {
        return !(connected.get() instanceof DefaultSimpUserRegistry local) || local.getUser(user.toString()) != null;
    }

    private void send(UserId userId, PushEnvelope envelope) {
        try {
            messaging.convertAndSendToUser(userId.toString(), DESTINATION, envelope);
        } catch (RuntimeException e) {
            failed(userId, envelope, e);
        }
    }

    private void failed(UserId userId, PushEnvelope envelope, RuntimeException e) {
        log.warn("Could not push {} to user {}: {}", envelope.type(), userId, e.toString());
        if (failed != null) {
            failed.increment();
        }
    }
}
