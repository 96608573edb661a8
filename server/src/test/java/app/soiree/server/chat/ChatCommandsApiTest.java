package app.soiree.server.chat;

import static app.soiree.server.chat.ChatRequests.messages;
import static app.soiree.server.chat.ChatRequests.reaction;
import static app.soiree.server.chat.ChatRequests.text;
import static app.soiree.server.support.Gatherings.gathering;
import static app.soiree.server.support.Gatherings.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.chat.ConversationId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.LostAnswers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Chat's writes through the API alone: who may do what, and what the stream keeps of a message. */
@IntegrationTest
class ChatCommandsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
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
    void aPairHasExactlyOneDirectConversationWhoeverOpensIt() {
        Response first = api.post("/api/conversations/direct", ana.accessToken(), Map.of("userId", ben.userId())).expectStatus(201);
        Response again = api.post("/api/conversations/direct", ben.accessToken(), Map.of("userId", ana.userId())).expectStatus(200);
        assertThat(again.json().get("conversationId").asString()).isEqualTo(first.json().get("conversationId").asString());

        assertThat(api.post("/api/conversations/direct", ana.accessToken(), Map.of("userId", UUID.randomUUID().toString())).status())
                .isEqualTo(404);
        assertThat(api.post("/api/conversations/direct", ana.accessToken(), Map.of("userId", ana.userId())).code())
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aPostIsIdempotentAndItsTextNeverReachesTheStreamReadable() {
        String conversation = group(ana, ben);
        String secret = "Meet at the blue door " + UUID.randomUUID();
        assertThat(api.post(messages(conversation), ana.accessToken(), text(secret)).code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");

        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Response posted = api.post(messages(conversation), ana.accessToken(), text(secret), key).expectStatus(201);
        Response retried = api.post(messages(conversation), ana.accessToken(), text(secret), key).expectStatus(201);
        String messageId = posted.json().get("messageId").asString();
        assertThat(retried.json().get("messageId").asString()).isEqualTo(messageId);
        assertThat(posted.json().get("seq").asLong()).isEqualTo(2);

        assertThat(storedPayloadsMentioning(messageId)).isNotEmpty().noneMatch(payload -> payload.contains("blue door"));
        assertThat(keyExists(messageId)).isTrue();

        api.delete("/api/messages/" + messageId, ana.accessToken()).expectStatus(204);
        assertThat(keyExists(messageId)).isFalse();
        assertThat(api.patch("/api/messages/" + messageId, ana.accessToken(), Map.of("text", "again")).status()).isEqualTo(404);
    }

    /**
     * A crash after the message was posted and before its answer was remembered: the client's retry, carried out again,
     * finds the message the first attempt posted (its id follows from the key) instead of posting it twice, even where
     * slow mode would now refuse a new post.
     */
    @Test
    void aRetryWhoseAnswerWasLostFindsTheMessageItPosted() {
        String conversation = group(ana, ben);
        api.patch("/api/conversations/" + conversation, ana.accessToken(), Map.of("slowModeSeconds", 60)).expectStatus(200);
        String key = UUID.randomUUID().toString();
        Response posted = api.post(messages(conversation), ben.accessToken(), text("Only once"), Map.of("Idempotency-Key", key))
                .expectStatus(201);
        String messageId = posted.json().get("messageId").asString();

        LostAnswers.forget(jdbc, ben.userId(), key);
        Response retried = api.post(messages(conversation), ben.accessToken(), text("Only once"), Map.of("Idempotency-Key", key));

        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        assertThat(retried.json().get("messageId").asString()).isEqualTo(messageId);
        assertThat(retried.json().get("seq").asLong()).isEqualTo(posted.json().get("seq").asLong());
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where aggregate_identifier = ? and payload_type = 'app.soiree.api.chat.MessagePosted'""", Integer.class, conversation))
                .isEqualTo(1);
    }

    @Test
    void onlyMembersTakePartAndOnlyTheAuthorEditsOrDeletes() {
        Session stranger = api.newUser("Stranger");
        String conversation = group(ana, ben);
        String messageId = post(conversation, ana, "Hello").json().get("messageId").asString();

        assertThat(api.postOnce(messages(conversation), stranger.accessToken(), text("Hi")).status()).isEqualTo(404);
        assertThat(api.put(reaction(messageId, "🎉"), stranger.accessToken()).status()).isEqualTo(404);

        api.patch("/api/messages/" + messageId, ana.accessToken(), Map.of("text", "Hello, all")).expectStatus(200);
        assertThat(api.patch("/api/messages/" + messageId, ben.accessToken(), Map.of("text", "Hijacked")).code()).isEqualTo("FORBIDDEN");
        assertThat(api.delete("/api/messages/" + messageId, ben.accessToken()).code()).isEqualTo("FORBIDDEN");

        api.put(reaction(messageId, "🎉"), ben.accessToken()).expectStatus(204);
        api.put(reaction(messageId, "🎉"), ben.accessToken()).expectStatus(204);
        api.delete(reaction(messageId, "🎉"), ben.accessToken()).expectStatus(204);
        api.delete(reaction(messageId, "🎉"), ben.accessToken()).expectStatus(204);
        assertThat(api.put(reaction(messageId, "two words"), ben.accessToken()).code()).isEqualTo("VALIDATION_FAILED");

        api.post("/api/messages/" + messageId + "/reports", ben.accessToken(), Map.of("reason", "SPAM")).expectStatus(201);
        api.delete("/api/conversations/" + conversation + "/members/" + ben.userId(), ben.accessToken()).expectStatus(204);
        assertThat(api.postOnce(messages(conversation), ben.accessToken(), text("Back?")).code()).isEqualTo("NOT_A_MEMBER");
    }

    @Test
    void slowModeAnswers429WithRetryAfterAndSparesTheOwner() {
        String conversation = group(ana, ben);
        api.patch("/api/conversations/" + conversation, ben.accessToken(), Map.of("slowModeSeconds", 60)).expectStatus(403);
        api.patch("/api/conversations/" + conversation, ana.accessToken(), Map.of("slowModeSeconds", 60)).expectStatus(200);

        post(conversation, ben, "One");
        Response tooSoon = api.postOnce(messages(conversation), ben.accessToken(), text("Two"));
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.code()).isEqualTo("SLOW_MODE");
        assertThat(Long.parseLong(tooSoon.header("Retry-After"))).isBetween(1L, 60L);
        post(conversation, ana, "Owners are not slowed");
        post(conversation, ana, "Not even twice");
    }

    @Test
    void aGatheringsGuestsJoinItsConversationWithTheirBookingAndLeaveWithIt() {
        Session host = api.newHost("Chat Host");
        String gatheringId = Gatherings.publish(api, host, gathering("Talk supper", List.of(tier("Free", 0, 10))));
        String tierId = Gatherings.firstTierId(api, gatheringId);
        String conversation = ConversationId.ofGathering(GatheringId.of(gatheringId)).toString();
        await().atMost(Duration.ofSeconds(20)).until(() -> post(conversation, host, "Welcome, all").status() == 201);
        assertThat(api.postOnce(messages(conversation), ana.accessToken(), text("Hi")).status()).isEqualTo(404);

        String bookingId = api.postOnce("/api/bookings", ana.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId,
                "quantity", 1)).expectStatus(201).json().get("bookingId").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.postOnce(messages(conversation), ana.accessToken(), text("Hi!")).status() == 201);
        assertThat(api.post("/api/conversations/" + conversation + "/members", host.accessToken(), Map.of("userIds", List.of(ben.userId())))
                .code()).isEqualTo("MEMBERSHIP_IS_DERIVED");

        api.postOnce("/api/bookings/" + bookingId + "/cancel", ana.accessToken(), null).expectStatus(200);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "NOT_A_MEMBER".equals(api.postOnce(messages(conversation), ana.accessToken(), text("Still here?")).code()));
    }

    /**
     * Guests confirmed while the membership process was behind (a rush) join together, not one change each. How the
     * process's reads cut its batches is the event store's business, so six guests must join in fewer than six changes.
     */
    @Test
    void guestsConfirmedTogetherJoinTheGatheringsConversationInOneChange() {
        Session host = api.newHost("Busy Host");
        List<Session> guests = List.of(ana, ben, api.newUser("Cy"), api.newUser("Dee"), api.newUser("Eli"), api.newUser("Flo"));
        String gatheringId = Gatherings.publish(api, host, gathering("Busy supper", List.of(tier("Free", 0, 10))));
        String tierId = Gatherings.firstTierId(api, gatheringId);
        String conversation = ConversationId.ofGathering(GatheringId.of(gatheringId)).toString();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.postOnce(messages(conversation), host.accessToken(), text("Welcome")).status() == 201);

        TrackingEventProcessor membership = processing.eventProcessor("chat-membership", TrackingEventProcessor.class).orElseThrow();
        membership.shutDown();
        try {
            for (Session guest : guests) {
                api.postOnce("/api/bookings", guest.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1))
                        .expectStatus(201);
            }
        } finally {
            membership.start();
        }
        for (Session guest : guests) {
            await().atMost(Duration.ofSeconds(20)).until(() -> api.postOnce(messages(conversation), guest.accessToken(), text("Hi")).status() == 201);
        }
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%.MembersAdded'""",
                Integer.class, conversation)).isLessThan(guests.size());
    }

    @Test
    void aGatheringCardShowsTheGatheringAsItIsAndAReplyNamesItsMessage() {
        Session host = api.newHost("Card Host");
        String published = Gatherings.publish(api, host, gathering("Card supper", List.of(tier("Seat", 1500, 4))));
        String draft = api.post("/api/gatherings", host.accessToken(), gathering("Secret draft", List.of(tier("Seat", 1500, 4))))
                .expectStatus(201).json().get("gatheringId").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/gatherings/" + published, null).status() == 200);
        String conversation = group(ana, ben);

        assertThat(api.postOnce(messages(conversation), ana.accessToken(), Map.of("type", "GATHERING_CARD", "gatheringId", draft))
                .status()).isEqualTo(404);
        String card = api.postOnce(messages(conversation), ana.accessToken(), Map.of("type", "GATHERING_CARD", "gatheringId", published))
                .expectStatus(201).json().get("messageId").asString();
        api.postOnce(messages(conversation), ben.accessToken(), Map.of("type", "TEXT", "text", "Count me in", "replyToMessageId", card))
                .expectStatus(201);
        assertThat(api.postOnce(messages(conversation), ben.accessToken(), Map.of("type", "TEXT", "text", "?", "replyToMessageId",
                UUID.randomUUID().toString())).code()).isEqualTo("VALIDATION_FAILED");

        tools.jackson.databind.JsonNode items = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get(messages(conversation), ben.accessToken()).json().get("items"), page -> page.size() == 2);
        assertThat(items.get(0).get("replyToMessageId").asString()).isEqualTo(card);
        assertThat(items.get(1).get("gathering").get("title").asString()).isEqualTo("Card supper");
        assertThat(items.get(1).get("gathering").get("status").asString()).isEqualTo("PUBLISHED");
    }

    private String group(Session owner, Session... members) {
        List<String> memberIds = java.util.Arrays.stream(members).map(Session::userId).toList();
        return api.post("/api/conversations", owner.accessToken(), Map.of("title", "Supper club", "memberIds", memberIds))
                .expectStatus(201).json().get("conversationId").asString();
    }

    private Response post(String conversation, Session sender, String text) {
        return api.postOnce(messages(conversation), sender.accessToken(), text(text)).expectStatus(201);
    }

    private List<String> storedPayloadsMentioning(String messageId) {
        return jdbc.queryForList("select convert_from(payload, 'UTF8') from domain_event_entry where payload_type like 'app.soiree.api.chat.%'",
                String.class).stream().filter(payload -> payload.contains(messageId)).toList();
    }

    private boolean keyExists(String messageId) {
        return jdbc.queryForObject("select count(*) from content_keys where key_id = ?::uuid", Integer.class, messageId) == 1;
    }
}
