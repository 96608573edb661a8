package app.soiree.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.identity.UserId;
import app.soiree.query.realtime.PushEnvelope;
import app.soiree.query.realtime.UserPush;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.Stomp;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The socket's door: who may connect (a valid access token in CONNECT, nothing else), what a connected
 * client may subscribe and send to, and its limits. Every refusal is an ERROR frame with a plain reason,
 * then the socket closes.
 */
@IntegrationTest
class StompSocketTest {

    @LocalServerPort
    int port;
    @Autowired
    KeyPair tokenSigningKeys;
    @Autowired
    UserPush userPush;
    Api api;
    Session ana;

    @BeforeEach
    void signIn() {
        api = new Api(port);
        ana = api.newUser("Ana");
    }

    @Test
    void aValidAccessTokenConnectsAndHeartBeatsAreTenSecondsBothWays() {
        try (Stomp socket = Stomp.connect(port, ana.accessToken())) {
            assertThat(socket.connectedHeaders().getHeartbeat()).containsExactly(10000, 10000);
            assertThat(socket.connectedHeaders().getFirst("version")).isEqualTo("1.2");
        }
    }

    @Test
    void aConnectWithoutATokenIsRefused() {
        assertPlainRefusal(Stomp.refusedConnect(port, null), "Authorization");
        assertPlainRefusal(Stomp.refusedConnect(port, "Basic " + ana.accessToken()), "Authorization");
    }

    @Test
    void aBadExpiredOrForgedTokenIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String expired = sign(tokenSigningKeys, claims(Instant.now().minusSeconds(120)));
        String foreign = sign(generator.generateKeyPair(), claims(Instant.now().plusSeconds(600)));

        String[] parts = ana.accessToken().split("\\.");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"GUEST\"", "\"ADMIN\"")
                        .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        for (String token : List.of("not-a-token", expired, foreign, tampered)) {
            assertPlainRefusal(Stomp.refusedConnect(port, "Bearer " + token), "valid access token");
        }
    }

    @Test
    void aTokenThatExpiredWithinTheVerifiersClockSkewDoesNotConnectASocket() throws Exception {
        // The API's verifier allows a minute of skew; a socket outlives its CONNECT, so it is given none.
        String justExpired = sign(tokenSigningKeys, claims(Instant.now().minusSeconds(5)));

        assertPlainRefusal(Stomp.refusedConnect(port, "Bearer " + justExpired), "valid access token");
    }

    @Test
    void aSocketClosesWhenItsTokenExpiresAndGetsNothingAfter() throws Exception {
        Instant expiresAt = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS); // a token says its expiry in seconds
        try (Stomp socket = Stomp.connect(port, sign(tokenSigningKeys, claims(expiresAt)));
             Stomp freshlyConnected = Stomp.connect(port, ana.accessToken())) {
            userPush.push(UserId.of(ana.userId()), new PushEnvelope("resync.required", null, null, Instant.now(), Map.of()));
            assertThat(socket.awaitEvent("resync.required")).as("pushed to while its token is valid").isNotNull();

            socket.awaitRefusal().ifPresent(reason -> assertThat(reason).isEqualTo(SocketsExpireWithTheirTokens.EXPIRED));
            // at the token's expiry, not before (the scheduler's clock and ours may differ by a few milliseconds)
            assertThat(Instant.now()).as("closed at the token's expiry, not before").isAfterOrEqualTo(expiresAt.minusMillis(100));
            assertThat(socket.isConnected()).isFalse();

            // The user's other socket, whose token is valid, stays and gets the user's pushes; the closed one nothing.
            freshlyConnected.takeEvents();
            userPush.push(UserId.of(ana.userId()), new PushEnvelope("resync.required", null, null, Instant.now(), Map.of()));
            assertThat(freshlyConnected.awaitEvent("resync.required")).isNotNull();
            assertThat(freshlyConnected.isConnected()).isTrue();
            socket.expectNoEvent(Duration.ofMillis(300));
        }
    }

    @Test
    void theHandshakeIsNotTheConsolesToGuard() {
        // A plain GET (no upgrade) reaches the WebSocket handler, not a sign-in redirect or a 401.
        assertThat(api.get("/ws", null).status()).isEqualTo(400);
    }

    @Test
    void anotherUsersQueueIsRefused() {
        Session ben = api.newUser("Ben");
        for (String destination : List.of("/user/" + ben.userId() + "/queue/events", "/queue/events", "/queue/events-user1")) {
            assertRefused(socket -> socket.subscribe(destination), "Only /user/queue/events");
        }
    }

    @Test
    void topicsAreRefused() {
        for (String destination : List.of("/topic/x", "/topic/simp-user-registry", "/app/conversations/" + UUID.randomUUID() + "/typing")) {
            assertRefused(socket -> socket.subscribe(destination), "Only /user/queue/events");
        }
    }

    @Test
    void sendingAnywhereButTheTwoInputsIsRefused() {
        String conversation = "/app/conversations/" + UUID.randomUUID();
        for (String destination : List.of(conversation + "/messages", "/app/conversations/not-a-uuid/typing", conversation + "/typing/x",
                "/queue/events", "/user/" + ana.userId() + "/queue/events", "/topic/unresolved-user-destination")) {
            assertRefused(socket -> socket.send(destination, Map.of("typing", true)), "take messages");
        }
    }

    @Test
    void theTwoInputsAreTakenAndAFrameUpToTheLimitToo() {
        try (Stomp socket = Stomp.connect(port, ana.accessToken())) {
            String conversation = "/app/conversations/" + UUID.randomUUID();
            socket.send(conversation + "/typing", Map.of("typing", true));
            socket.send(conversation + "/read", Map.of("seq", 4));
            // Above Tomcat's default 8 KB, below the 16 KB limit.
            socket.send(conversation + "/typing", Map.of("typing", true, "padding", "x".repeat(12_000)));

            userPush.push(UserId.of(ana.userId()), new PushEnvelope("resync.required", null, null, Instant.now(), Map.of()));
            assertThat(socket.awaitEvent("resync.required")).isNotNull();
            assertThat(socket.isConnected()).isTrue();
        }
    }

    @Test
    void anOversizedFrameClosesTheSocket() {
        try (Stomp socket = Stomp.connect(port, ana.accessToken())) {
            socket.send("/app/conversations/" + UUID.randomUUID() + "/typing", Map.of("typing", true, "padding", "x".repeat(20_000)));

            socket.awaitClosed();
            userPush.push(UserId.of(ana.userId()), new PushEnvelope("resync.required", null, null, Instant.now(), Map.of()));
            socket.expectNoEvent(Duration.ofMillis(300));
        }
        // The server itself is unharmed.
        try (Stomp again = Stomp.connect(port, ana.accessToken())) {
            assertThat(again.isConnected()).isTrue();
        }
    }

    /**
     * The frame closes the socket every time (that is the refusal: the socket must close), and the ERROR frame before
     * it, when it arrives, says why in our words. Spring can lose that frame when the server is writing to the socket
     * at the same moment ({@link Stomp#awaitRefusal()}); on a loaded machine it was lost three times in a row, so the
     * frame's wording is checked whenever one of a few tries brings it, and the closing is checked every time.
     */
    private void assertRefused(Consumer<Stomp> refusedFrame, String expectedReason) {
        for (int attempt = 1; attempt <= 5; attempt++) {
            try (Stomp socket = Stomp.connectOnly(port, ana.accessToken())) {
                refusedFrame.accept(socket);
                Optional<String> reason = socket.awaitRefusal();
                assertThat(socket.isConnected()).as("the socket is closed after a refused frame").isFalse();
                if (reason.isPresent()) {
                    assertPlainRefusal(reason.get(), expectedReason);
                    return;
                }
            }
        }
    }

    /** The client learns why, in a sentence of ours, and nothing of the server's insides. */
    private static void assertPlainRefusal(String message, String expected) {
        assertThat(message).as("the ERROR frame's message").contains(expected)
                .doesNotContain("Exception", "org.springframework", "\tat ", "Channel");
    }

    private JWTClaimsSet claims(Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .issuer("soiree")
                .subject(ana.userId())
                .issueTime(Date.from(Instant.now().minusSeconds(600)))
                .expirationTime(Date.from(expiresAt))
                .claim("roles", List.of("GUEST"))
                .build();
    }

    private static String sign(KeyPair keys, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }
}
