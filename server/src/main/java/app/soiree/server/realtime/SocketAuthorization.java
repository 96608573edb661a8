package app.soiree.server.realtime;

import java.security.Principal;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * What a connected client may do, and nothing more: subscribe to its own events, send the two
 * ephemeral inputs of a conversation (whether the sender is a member is for their handlers to check),
 * unsubscribe and disconnect. Anything else is refused, notably any broker destination
 * ({@code /queue/...}, {@code /topic/...}): there live other users' queues and, with the relay, the
 * replicas' user registry broadcast.
 */
final class SocketAuthorization implements ChannelInterceptor {

    static final String EVENTS = "/user/queue/events";
    private static final Pattern INPUTS = Pattern.compile(
            "/app/conversations/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/(typing|read)");
    /** A subscription carries only these to the broker: no selectors, acknowledgement modes or durable names. */
    private static final Set<String> SUBSCRIBE_HEADERS = Set.of("destination", "id", "receipt");

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor frame = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (frame == null || frame.getCommand() == null) {
            return message; // a heart-beat
        }
        switch (frame.getCommand()) {
            case CONNECT, STOMP, DISCONNECT, UNSUBSCRIBE -> {
                return message;
            }
            case SUBSCRIBE -> {
                requireUnexpiredUser(frame);
                if (!EVENTS.equals(frame.getDestination())) {
                    throw new SocketRefusal("Only " + EVENTS + " can be subscribed to.");
                }
                frame.toNativeHeaderMap().keySet().stream()
                        .filter(name -> !SUBSCRIBE_HEADERS.contains(name))
                        .forEach(frame::removeNativeHeader);
                return message;
            }
            case SEND -> {
                requireUnexpiredUser(frame);
                String destination = frame.getDestination();
                if (destination == null || !INPUTS.matcher(destination).matches()) {
                    throw new SocketRefusal("Only /app/conversations/{id}/typing and /app/conversations/{id}/read take messages.");
                }
                return message;
            }
            default -> throw new SocketRefusal(frame.getCommand() + " is not supported.");
        }
    }

    /**
     * A session that failed its CONNECT is closed, so it has a user; checked again where it matters. A frame that arrives
     * after the token expired is refused even if the socket's closing ({@link SocketsExpireWithTheirTokens}) has not run yet.
     */
    private static void requireUnexpiredUser(StompHeaderAccessor frame) {
        if (frame.getUser() == null) {
            throw new SocketRefusal("Connect with an access token first.");
        }
        if (expired(expiryOf(frame.getUser()))) {
            throw new SocketRefusal(SocketsExpireWithTheirTokens.EXPIRED);
        }
    }

    /** Whether a token expiring then is no longer valid; a socket outlives its CONNECT, so no clock skew is allowed. */
    static boolean expired(@Nullable Instant expiresAt) {
        return expiresAt == null || !Instant.now().isBefore(expiresAt);
    }

    /** When the access token the socket connected with expires; null for anything but a verified access token. */
    static @Nullable Instant expiryOf(Principal user) {
        return user instanceof JwtAuthenticationToken token ? token.getToken().getExpiresAt() : null;
    }
}
