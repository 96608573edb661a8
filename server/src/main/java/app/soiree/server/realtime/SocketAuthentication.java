package app.soiree.server.realtime;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Who is on the socket. A browser cannot put an {@code Authorization} header on the WebSocket upgrade,
 * so the access token travels in the STOMP {@code CONNECT} frame, as the native header
 * {@code Authorization: Bearer <token>}, and is verified exactly as the API verifies it. The session's
 * principal is then the user's authentication, whose name is the user id: what
 * {@code convertAndSendToUser(userId, ...)} addresses. Without a valid token the connection is refused, and
 * the socket lives no longer than its token ({@link SocketsExpireWithTheirTokens}).
 */
final class SocketAuthentication implements ChannelInterceptor {

    static final String AUTHORIZATION = "Authorization";
    private static final String BEARER = "Bearer ";

    private final AuthenticationProvider accessTokens;
    private final SocketsExpireWithTheirTokens expiries;

    SocketAuthentication(AuthenticationProvider accessTokens, SocketsExpireWithTheirTokens expiries) {
        this.accessTokens = accessTokens;
        this.expiries = expiries;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor frame = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (frame == null || !(frame.getCommand() == StompCommand.CONNECT || frame.getCommand() == StompCommand.STOMP)) {
            return message;
        }
        Authentication user = authenticate(frame.getFirstNativeHeader(AUTHORIZATION));
        Instant expiresAt = SocketAuthorization.expiryOf(user);
        if (expiresAt == null || SocketAuthorization.expired(expiresAt)) {
            // The verifier allows for clock skew; a socket outlives its CONNECT, so it gets none.
            throw new SocketRefusal("A valid access token is required.");
        }
        frame.setUser(user);
        expiries.connected(frame.getSessionId(), expiresAt);
        // Needed nowhere after this; the broker relay would otherwise hand the token on to the broker.
        frame.removeNativeHeader(AUTHORIZATION);
        return message;
    }

    private Authentication authenticate(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new SocketRefusal("CONNECT needs the header Authorization: Bearer <access token>.");
        }
        try {
            return accessTokens.authenticate(new BearerTokenAuthenticationToken(authorization.substring(BEARER.length()).trim()));
        } catch (AuthenticationException | IllegalArgumentException invalid) {
            throw new SocketRefusal("A valid access token is required.");
        }
    }
}
