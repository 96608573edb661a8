package app.soiree.server.chat;

import static app.soiree.server.chat.ChatRequests.messages;
import static app.soiree.server.chat.ChatRequests.reaction;
import static app.soiree.server.chat.ChatRequests.text;
import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.command.chat.Conversation;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.LostAnswers;
import app.soiree.server.support.StoredSnapshots;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A conversation's snapshot is the JSON of its fields, its members and what it remembers of each message. Loaded from it
 * (the cache emptied), the conversation decides as it did: the seq goes on without a gap, a ban for good, a member's
 * last post (slow mode), a deleted message, a reaction already given and the author's edit window are all still known.
 */
@IntegrationTest
class ConversationSnapshotTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("conversationCache")
    Cache conversationCache;
    @Autowired
    Snapshotter snapshotter;
    @Autowired
    Serializer serializer;

    @Test
    void aConversationLoadedFromItsSnapshotDecidesAsItDidBefore() {
        Api api = new Api(port);
        Session ana = api.newUser("Ana");
        Session ben = api.newUser("Ben");
        Session cleo = api.newUser("Cleo");
        String conversation = api.post("/api/conversations", ana.accessToken(),
                Map.of("title", "Snapshot club", "memberIds", List.of(ben.userId(), cleo.userId()))).expectStatus(201)
                .json().get("conversationId").asString();
        String welcome = post(api, conversation, ana, "Welcome").json().get("messageId").asString();
        String oops = post(api, conversation, ben, "Oops").json().get("messageId").asString();
        api.put(reaction(welcome, "🎉"), ben.accessToken()).expectStatus(204);
        api.delete("/api/messages/" + oops, ben.accessToken()).expectStatus(204);
        api.post("/api/conversations/" + conversation + "/bans", ana.accessToken(), Map.of("userId", cleo.userId(), "reason", "spam"))
                .expectStatus(201);
        api.patch("/api/conversations/" + conversation, ana.accessToken(), Map.of("slowModeSeconds", 600)).expectStatus(200);
        String lastKey = UUID.randomUUID().toString();
        long lastSeq = api.post(messages(conversation), ana.accessToken(), text("Owners are not slowed"), Map.of("Idempotency-Key", lastKey))
                .expectStatus(201).json().get("seq").asLong();

        snapshotter.scheduleSnapshot(Conversation.class, conversation);
        StoredSnapshots.awaitSnapshot(jdbc, conversation, "2", Duration.ofSeconds(10));
        assertThat(StoredSnapshots.readBackWhole(jdbc, serializer, conversation)).isInstanceOf(Conversation.class);
        assertThat(StoredSnapshots.payload(jdbc, conversation)).doesNotContain("Welcome", "Oops");

        conversationCache.removeAll();

        Response slowed = api.postOnce(messages(conversation), ben.accessToken(), text("Again"));
        assertThat(slowed.code()).isEqualTo("SLOW_MODE");
        assertThat(api.postOnce(messages(conversation), cleo.accessToken(), text("Let me back")).code()).isEqualTo("BANNED");
        assertThat(api.patch("/api/messages/" + oops, ben.accessToken(), Map.of("text", "Back")).status()).isEqualTo(404);
        api.put(reaction(welcome, "🎉"), ben.accessToken()).expectStatus(204); // given already: no change
        api.patch("/api/messages/" + welcome, ana.accessToken(), Map.of("text", "Welcome, all")).expectStatus(200);
        assertThat(post(api, conversation, ana, "Nor after a reload").json().get("seq").asLong()).isEqualTo(lastSeq + 2);
        // A post whose answer was lost is answered from the snapshot's record of it: its place, not a new one.
        LostAnswers.forget(jdbc, ana.userId(), lastKey);
        assertThat(api.post(messages(conversation), ana.accessToken(), text("Owners are not slowed"), Map.of("Idempotency-Key", lastKey))
                .expectStatus(201).json().get("seq").asLong()).isEqualTo(lastSeq);
    }

    @Test
    void aConversationIsSnapshottedOnItsOwnAfterTwoHundredEvents() {
        Api api = new Api(port);
        Session ana = api.newUser("Ana");
        Session ben = api.newUser("Ben");
        String conversation = api.post("/api/conversations", ana.accessToken(),
                Map.of("title", "Busy club", "memberIds", List.of(ben.userId()))).expectStatus(201).json().get("conversationId").asString();
        String message = post(api, conversation, ana, "React to this").json().get("messageId").asString();
        for (int i = 0; i < 100; i++) { // each an event: 2 + 200 of them
            api.put(reaction(message, "🎉"), ben.accessToken()).expectStatus(204);
            api.delete(reaction(message, "🎉"), ben.accessToken()).expectStatus(204);
        }

        StoredSnapshots.awaitSnapshot(jdbc, conversation, "2", Duration.ofSeconds(20));
    }

    private static Response post(Api api, String conversation, Session sender, String text) {
        return api.postOnce(messages(conversation), sender.accessToken(), text(text)).expectStatus(201);
    }
}
