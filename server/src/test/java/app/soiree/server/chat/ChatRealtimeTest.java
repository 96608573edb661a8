package app.soiree.server.chat;

import static app.soiree.server.support.Gatherings.gathering;
import static app.soiree.server.support.Gatherings.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.chat.ConversationId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.Stomp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Chat as a client app lives it: REST for every change, the socket for what happens meanwhile, and
 * the change log by seq to catch up after being away, with no gap and no duplicate.
 */
@IntegrationTest
class ChatRealtimeTest {

    @LocalServerPort
    int port;
    Api api;
    Session ana;
    Session ben;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ana = api.newUser("Ana");
        ben = api.newUser("Ben");
    }

    @Test
    void aPostArrivesOnTheOtherMembersSocketWithItsSeq() {
        String conversation = direct(ana, ben);
        try (Stomp benSocket = Stomp.connect(port, ben.accessToken()); Stomp anaSocket = Stomp.connect(port, ana.accessToken())) {
            long seq = post(conversation, ana, "Dinner on Friday?").get("seq").asLong();

            JsonNode pushed = benSocket.awaitEvent("message.new");
            assertThat(pushed.get("conversationId").asString()).isEqualTo(conversation);
            assertThat(pushed.get("seq").asLong()).isEqualTo(seq);
            assertThat(pushed.get("data").get("text").asString()).isEqualTo("Dinner on Friday?");
            assertThat(benSocket.awaitEvent("unread.total").get("data").get("total").asInt()).isEqualTo(1);
            assertThat(anaSocket.awaitEvent("message.new").get("seq").asLong()).isEqualTo(seq);

            benSocket.send("/app/conversations/" + conversation + "/typing", Map.of("typing", true));
            JsonNode typing = anaSocket.awaitEvent("typing");
            assertThat(typing.get("data").get("userId").asString()).isEqualTo(ben.userId());
            assertThat(typing.get("data").get("typing").asBoolean()).isTrue();

            benSocket.send("/app/conversations/" + conversation + "/read", Map.of("seq", seq));
            assertThat(benSocket.awaitEvent("unread.total").get("data").get("total").asInt()).isZero();
        }
    }

    @Test
    void aClientThatWasAwayCatchesUpExactlyFromTheChangeLog() {
        String conversation = direct(ana, ben);
        long lastSeen;
        String syncToken;
        try (Stomp benSocket = Stomp.connect(port, ben.accessToken())) {
            lastSeen = post(conversation, ana, "First").get("seq").asLong();
            assertThat(benSocket.awaitEvent("message.new").get("seq").asLong()).isEqualTo(lastSeen);
            syncToken = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/me/conversations", ben.accessToken()),
                    r -> r.status() == 200 && r.json().get("items").size() == 1).json().get("syncToken").asString();
        }
        // Ben is offline: three posts, an edit and a reaction happen meanwhile.
        String second = post(conversation, ana, "Second").get("messageId").asString();
        post(conversation, ana, "Third");
        api.patch("/api/messages/" + second, ana.accessToken(), Map.of("text", "Second, edited")).expectStatus(200);
        api.put("/api/messages/" + second + "/reactions/%F0%9F%8E%89", ana.accessToken()).expectStatus(204);
        long latest = post(conversation, ana, "Fourth").get("seq").asLong();

        try (Stomp benSocket = Stomp.connect(port, ben.accessToken())) {
            JsonNode changed = await().atMost(Duration.ofSeconds(10)).until(
                    () -> api.get("/api/me/conversations?updatedSince=" + syncToken, ben.accessToken()).json(),
                    json -> json.get("items").size() == 1 && json.get("items").get(0).get("lastSeq").asLong() == latest);
            assertThat(changed.get("items").get(0).get("conversationId").asString()).isEqualTo(conversation);

            List<Long> seqs = new ArrayList<>();
            List<String> types = new ArrayList<>();
            long after = lastSeen;
            boolean more = true;
            while (more) {
                JsonNode page = api.get("/api/conversations/" + conversation + "/changes?afterSeq=" + after + "&limit=2", ben.accessToken())
                        .expectStatus(200).json();
                page.get("items").forEach(item -> {
                    seqs.add(item.get("seq").asLong());
                    types.add(item.get("type").asString());
                });
                after = seqs.getLast();
                more = page.get("hasMore").asBoolean();
            }
            assertThat(seqs).containsExactly(lastSeen + 1, lastSeen + 2, lastSeen + 3, lastSeen + 4, lastSeen + 5);
            assertThat(types).containsExactly("message.new", "message.new", "message.updated", "reaction.changed", "message.new");

            // Live again: the next post arrives on the socket with the very next seq. A push of a change already fetched
            // (the projection may push "Fourth" after Ben subscribed) is dropped, as a client drops it.
            post(conversation, ana, "Fifth");
            long pushed = benSocket.awaitEvent("message.new").get("seq").asLong();
            while (pushed <= latest) {
                pushed = benSocket.awaitEvent("message.new").get("seq").asLong();
            }
            assertThat(pushed).isEqualTo(latest + 1);
        }
    }

    @Test
    void aGuestJoinsTheGatheringsChatWithTheirBookingAndIsToldAtOnce() {
        Session host = api.newHost("Socket Host");
        String gatheringId = Gatherings.publish(api, host, gathering("Socket supper", List.of(tier("Free", 0, 5))));
        String tierId = Gatherings.firstTierId(api, gatheringId);
        String conversation = ConversationId.ofGathering(GatheringId.of(gatheringId)).toString();
        try (Stomp hostSocket = Stomp.connect(port, host.accessToken()); Stomp anaSocket = Stomp.connect(port, ana.accessToken())) {
            String bookingId = api.postOnce("/api/bookings", ana.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId,
                    "quantity", 1)).expectStatus(201).json().get("bookingId").asString();
            assertThat(hostSocket.awaitEvent("member.added").get("conversationId").asString()).isEqualTo(conversation);
            assertThat(anaSocket.awaitEvent("member.added").get("conversationId").asString()).isEqualTo(conversation);

            post(conversation, host, "Welcome!");
            assertThat(anaSocket.awaitEvent("message.new").get("data").get("text").asString()).isEqualTo("Welcome!");

            api.postOnce("/api/bookings/" + bookingId + "/cancel", ana.accessToken(), null).expectStatus(200);
            assertThat(anaSocket.awaitEvent("member.removed").get("conversationId").asString()).isEqualTo(conversation);
            await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/conversations/" + conversation, ana.accessToken()).status() == 404);
        }
    }

    @Test
    void aNonMemberLearnsNothingOnTheSocket() {
        Session stranger = api.newUser("Stranger");
        String conversation = direct(ana, ben);
        try (Stomp strangerSocket = Stomp.connect(port, stranger.accessToken()); Stomp anaSocket = Stomp.connect(port, ana.accessToken())) {
            strangerSocket.send("/app/conversations/" + conversation + "/typing", Map.of("typing", true));
            JsonNode error = strangerSocket.awaitEvent("error");
            assertThat(error.get("data").get("status").asInt()).isEqualTo(404);
            post(conversation, ben, "Just us");
            anaSocket.awaitEvent("message.new");
            assertThat(strangerSocket.takeEvents()).noneMatch(event -> event.get("type").asString().startsWith("message"));
            anaSocket.takeEvents();
            assertThat(anaSocket.takeEvents()).noneMatch(event -> "typing".equals(event.get("type").asString()));
        }
    }

    private String direct(Session one, Session other) {
        return api.post("/api/conversations/direct", one.accessToken(), Map.of("userId", other.userId())).json().get("conversationId").asString();
    }

    private JsonNode post(String conversation, Session sender, String text) {
        return api.postOnce("/api/conversations/" + conversation + "/messages", sender.accessToken(), Map.of("type", "TEXT", "text", text))
                .expectStatus(201).json();
    }
}
