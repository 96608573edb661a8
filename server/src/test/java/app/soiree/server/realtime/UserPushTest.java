package app.soiree.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.identity.UserId;
import app.soiree.query.realtime.EventQueueSubscriptions;
import app.soiree.query.realtime.PushEnvelope;
import app.soiree.query.realtime.UserPush;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.Stomp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** What a projection hands to {@link UserPush} reaches that user's sockets, only theirs, and only once it is committed. */
@IntegrationTest
class UserPushTest {

    @LocalServerPort
    int port;
    @Autowired
    UserPush userPush;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    EventQueueSubscriptions subscriptions;
    Session ana;
    Session ben;

    @BeforeEach
    void signIn() {
        Api api = new Api(port);
        ana = api.newUser("Ana");
        ben = api.newUser("Ben");
    }

    @Test
    void aPushReachesExactlyThatUserOnEachOfTheirSockets() {
        try (Stomp anaPhone = Stomp.connect(port, ana.accessToken());
             Stomp anaLaptop = Stomp.connect(port, ana.accessToken());
             Stomp benPhone = Stomp.connect(port, ben.accessToken())) {
            UUID conversationId = UUID.randomUUID();
            Instant at = Instant.parse("2026-12-02T10:15:30Z");

            userPush.push(UserId.of(ana.userId()), new PushEnvelope("message.new", conversationId, 7L, at, Map.of("text", "Hello")));

            for (Stomp socket : new Stomp[] {anaPhone, anaLaptop}) {
                JsonNode event = socket.awaitEvent();
                assertThat(event.path("type").asString()).isEqualTo("message.new");
                assertThat(event.path("conversationId").asString()).isEqualTo(conversationId.toString());
                assertThat(event.path("seq").asLong()).isEqualTo(7);
                assertThat(event.path("at").asString()).isEqualTo("2026-12-02T10:15:30Z");
                assertThat(event.path("data").path("text").asString()).isEqualTo("Hello");
            }
            benPhone.expectNoEvent(Duration.ofMillis(500));
            // The broker is in this process: the push went straight to the subscribed sockets, not through it.
            assertThat(subscriptions.recorded()).isTrue();
        }
    }

    /** With the broker in this process pushes go by what {@link EventQueueSubscriptions} kept: it follows UNSUBSCRIBE and closing. */
    @Test
    void aSocketThatUnsubscribesOrClosesIsNoLongerPushedTo() {
        UserId anaId = UserId.of(ana.userId());
        try (Stomp anaPhone = Stomp.connect(port, ana.accessToken());
             Stomp anaLaptop = Stomp.connect(port, ana.accessToken())) {
            assertThat(subscriptions.of(anaId)).hasSize(2);

            anaPhone.unsubscribeFromEvents();
            await().atMost(Stomp.WAIT).until(() -> subscriptions.of(anaId).size() == 1);
            userPush.push(anaId, new PushEnvelope("message.new", null, 1L, Instant.now(), Map.of()));

            assertThat(anaLaptop.awaitEvent().path("seq").asLong()).isEqualTo(1);
            assertThat(anaPhone.isConnected()).isTrue();
        }
        await().atMost(Stomp.WAIT).until(() -> subscriptions.of(anaId).isEmpty());
    }

    @Test
    void pushesToOneUserArriveInTheOrderTheyWereMade() {
        try (Stomp socket = Stomp.connect(port, ana.accessToken())) {
            for (int seq = 1; seq <= 50; seq++) {
                userPush.push(UserId.of(ana.userId()), new PushEnvelope("message.new", null, (long) seq, Instant.now(), Map.of()));
            }
            for (int seq = 1; seq <= 50; seq++) {
                assertThat(socket.awaitEvent().path("seq").asLong()).isEqualTo(seq);
            }
        }
    }

    @Test
    void aPushInARolledBackTransactionIsNeverDelivered() {
        try (Stomp socket = Stomp.connect(port, ana.accessToken())) {
            new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
                userPush.push(UserId.of(ana.userId()), envelope("rolled.back"));
                transaction.setRollbackOnly();
            });

            socket.expectNoEvent(Duration.ofSeconds(1));
        }
    }

    @Test
    void aPushInACommittedTransactionIsDeliveredOnlyAfterTheCommit() {
        try (Stomp socket = Stomp.connect(port, ana.accessToken())) {
            new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
                userPush.push(UserId.of(ana.userId()), envelope("committed"));
                socket.expectNoEvent(Duration.ofMillis(500));
            });

            assertThat(socket.awaitEvent().path("type").asString()).isEqualTo("committed");
        }
    }

    @Test
    void aUserWithoutASocketIsNoTrouble() {
        userPush.push(UserId.random(), envelope("unread.total"));
    }

    private static PushEnvelope envelope(String type) {
        return new PushEnvelope(type, null, null, Instant.now(), Map.of());
    }
}
