package app.soiree.server.realtime;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.MessageChannel;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Closes a socket when the access token it connected with expires. A socket is authenticated once, at {@code CONNECT};
 * without this, a token that can no longer call the API would keep receiving the user's pushes for as long as the socket
 * stays up, and a stolen token would be worth a socket forever. The client gets an {@code ERROR} frame saying why, the
 * socket closes, and the client connects again with a fresh token and resumes by {@code seq} as after any reconnect.
 * Frames the client sends after the expiry are refused the same way ({@link SocketAuthorization}), so nothing depends on
 * the closing running exactly on time.
 *
 * <p>Each replica closes the sockets connected to it: one task per socket, scheduled at its token's expiry on the
 * application's scheduler (not the broker's, whose thread beats the heart), and cancelled when the socket closes first.
 */
@Component
@ConditionalOnBooleanProperty("soiree.role.query")
class SocketsExpireWithTheirTokens {

    static final String EXPIRED = "The access token has expired; connect again with a fresh one.";

    private final TaskScheduler scheduler;
    private final MessageChannel clientOutboundChannel;
    private final Map<String, ScheduledFuture<?>> closings = new ConcurrentHashMap<>();

    // The outbound channel is a bean of the broker configuration, which needs this one: lazy, or a cycle.
    SocketsExpireWithTheirTokens(@Qualifier("taskScheduler") TaskScheduler scheduler,
                                 @Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutboundChannel) {
        this.scheduler = scheduler;
        this.clientOutboundChannel = clientOutboundChannel;
    }

    /** The socket {@code sessionId} connected with a token valid until {@code expiresAt}. */
    void connected(String sessionId, Instant expiresAt) {
        ScheduledFuture<?> closing = scheduler.schedule(() -> close(sessionId), expiresAt);
        ScheduledFuture<?> earlier = closings.put(sessionId, closing);
        if (earlier != null) {
            earlier.cancel(false); // a second CONNECT on the same socket: its token is the one that counts
        }
    }

    @EventListener
    void on(SessionDisconnectEvent disconnected) {
        ScheduledFuture<?> closing = closings.remove(disconnected.getSessionId());
        if (closing != null) {
            closing.cancel(false);
        }
    }

    private void close(String sessionId) {
        closings.remove(sessionId);
        SocketErrors.close(clientOutboundChannel, sessionId, EXPIRED);
    }
}
