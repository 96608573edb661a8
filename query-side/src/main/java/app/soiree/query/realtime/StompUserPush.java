package app.soiree.query.realtime;

import app.soiree.api.identity.UserId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.Message;
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
 */
@Component
class StompUserPush implements UserPush {

    static final String DESTINATION = "/queue/events";
    static final String FAILED = "soiree.realtime.pushes.failed";

    private static final Logger log = LoggerFactory.getLogger(StompUserPush.class);

    private final SimpMessageSendingOperations messaging;
    private final SingletonSupplier<SimpUserRegistry> connected;
    private final @Nullable Counter failed;

    StompUserPush(SimpMessageSendingOperations messaging, ObjectProvider<SimpUserRegistry> connected, ObjectProvider<MeterRegistry> registry) {
        this.messaging = messaging;
        this.connected = SingletonSupplier.of(connected::getIfAvailable);
        MeterRegistry meters = registry.getIfAvailable();
        this.failed = meters == null ? null
                : Counter.builder(FAILED).description("Pushes to users' sockets that could not be handed to the broker").register(meters);
    }

    @Override
    public void push(UserId userId, PushEnvelope envelope) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(userId, envelope);
                }
            });
        } else {
            send(userId, envelope);
        }
    }

    /**
     * The same envelope to many users (a message to every member of its conversation): converted to its
     * wire form once, not once per user, and handed to the broker user by user, after the commit as above.
     */
    @Override
    public void push(Collection<UserId> userIds, PushEnvelope envelope) {
        if (userIds.size() < 2 || !(messaging instanceof SimpMessagingTemplate template)) {
            UserPush.super.push(userIds, envelope);
            return;
        }
        List<UserId> users = List.copyOf(userIds);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(template, users, envelope);
                }
            });
        } else {
            send(template, users, envelope);
        }
    }

    private void send(SimpMessagingTemplate template, List<UserId> addressed, PushEnvelope envelope) {
        List<UserId> users = addressed.stream().filter(this::mayHaveASocket).toList();
        if (users.isEmpty()) {
            return; // nobody to hear it: not even converted
        }
        Message<?> converted;
        try {
            converted = template.getMessageConverter().toMessage(envelope, null);
        } catch (RuntimeException e) {
            converted = null;
            log.warn("Could not convert {} for {} users: {}", envelope.type(), users.size(), e.toString());
        }
        if (converted == null) {
            users.forEach(user -> send(user, envelope)); // as one by one, which counts each failure
            return;
        }
        Object payload = converted.getPayload();
        MimeType contentType = new MessageHeaderAccessor(converted).getContentType();
        for (UserId user : users) {
            try {
                // As convertAndSendToUser builds it: a fresh, mutable SiMP header set per message, the payload shared.
                SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
                if (contentType != null) {
                    headers.setContentType(contentType);
                }
                headers.setLeaveMutable(true);
                template.send(template.getUserDestinationPrefix() + StringUtils.replace(user.toString(), "/", "%2F") + DESTINATION,
                        MessageBuilder.createMessage(payload, headers.getMessageHeaders()));
            } catch (RuntimeException e) {
                failed(user, envelope, e);
            }
        }
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
