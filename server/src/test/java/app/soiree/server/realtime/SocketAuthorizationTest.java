package app.soiree.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Frames a connected socket sends are taken only while the token it connected with is valid. */
class SocketAuthorizationTest {

    private final SocketAuthorization authorization = new SocketAuthorization();
    private final String typing = "/app/conversations/" + UUID.randomUUID() + "/typing";

    @Test
    void framesAreTakenWhileTheTokenIsValid() {
        Message<byte[]> send = frame(StompCommand.SEND, typing, Instant.now().plusSeconds(60));
        Message<byte[]> subscribe = frame(StompCommand.SUBSCRIBE, SocketAuthorization.EVENTS, Instant.now().plusSeconds(60));

        assertThat(authorization.preSend(send, null)).isSameAs(send);
        assertThat(authorization.preSend(subscribe, null)).isSameAs(subscribe);
    }

    @Test
    void aFrameAfterTheTokenExpiredIsRefusedEvenBeforeTheSocketIsClosed() {
        for (StompCommand command : List.of(StompCommand.SEND, StompCommand.SUBSCRIBE)) {
            String destination = command == StompCommand.SEND ? typing : SocketAuthorization.EVENTS;
            Message<byte[]> late = frame(command, destination, Instant.now().minusMillis(1));

            assertThatThrownBy(() -> authorization.preSend(late, null)).isInstanceOf(SocketRefusal.class)
                    .hasMessage(SocketsExpireWithTheirTokens.EXPIRED);
        }
    }

    @Test
    void disconnectingNeedsNoValidToken() {
        Message<byte[]> disconnect = frame(StompCommand.DISCONNECT, null, Instant.now().minusSeconds(60));

        assertThat(authorization.preSend(disconnect, null)).isSameAs(disconnect);
    }

    private static Message<byte[]> frame(StompCommand command, String destination, Instant tokenExpiresAt) {
        Jwt token = Jwt.withTokenValue("token").header("alg", "RS256").subject(UUID.randomUUID().toString())
                .issuedAt(tokenExpiresAt.minusSeconds(900)).expiresAt(tokenExpiresAt).build();
        StompHeaderAccessor headers = StompHeaderAccessor.create(command);
        headers.setSessionId("s1");
        headers.setUser(new JwtAuthenticationToken(token, List.of(), token.getSubject()));
        if (destination != null) {
            headers.setDestination(destination);
            headers.setSubscriptionId("sub-0");
        }
        headers.setLeaveMutable(true);
        return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
    }
}
