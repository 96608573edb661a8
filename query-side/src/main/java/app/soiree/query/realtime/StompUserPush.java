package app.soiree.query.realtime;

import app.soiree.api.identity.UserId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends through the STOMP user destinations: {@code /user/{userId}/queue/events} reaches every socket
 * whose principal is named by that user id, on this replica or (with the broker relay) any other.
 * <p>
 * Inside a transaction the send waits for the commit, so that a client never hears of a change its
 * next read would not show, and a rolled-back change is never announced. A push that fails is logged
 * and counted ({@value #FAILED}) but never thrown: a projection must not stop, or replay its events,
 * because a socket could not be reached; clients recover anything missed by their resync.
 */
@Component
class StompUserPush implements UserPush {

    static final String DESTINATION = "/queue/events";
    static final String FAILED = "soiree.realtime.pushes.failed";

    private static final Logger log = LoggerFactory.getLogger(StompUserPush.class);

    private final SimpMessageSendingOperations messaging;
    private final @Nullable Counter failed;

    StompUserPush(SimpMessageSendingOperations messaging, ObjectProvider<MeterRegistry> registry) {
        this.messaging = messaging;
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

    private void send(UserId userId, PushEnvelope envelope) {
        try {
            messaging.convertAndSendToUser(userId.toString(), DESTINATION, envelope);
        } catch (RuntimeException e) {
            log.warn("Could not push {} to user {}: {}", envelope.type(), userId, e.toString());
            if (failed != null) {
                failed.increment();
            }
        }
    }
}
