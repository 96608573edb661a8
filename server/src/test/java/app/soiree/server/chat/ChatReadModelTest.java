package app.soiree.server.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.chat.ContentCipher;
import app.soiree.api.chat.FindMessageReports;
import app.soiree.api.chat.MessageReportPage;
import app.soiree.api.chat.MessageReportStatus;
import app.soiree.api.chat.ReportHandling;
import app.soiree.api.chat.ConversationId;
import app.soiree.api.chat.ConversationKind;
import app.soiree.api.chat.ConversationStarted;
import app.soiree.api.chat.MemberRemoved;
import app.soiree.api.chat.MessageDeleted;
import app.soiree.api.chat.MessageId;
import app.soiree.api.chat.MessagePosted;
import app.soiree.api.chat.MessageType;
import app.soiree.api.chat.ReactionAdded;
import app.soiree.api.chat.RemovalReason;
import app.soiree.api.chat.SealedText;
import app.soiree.api.identity.UserId;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The chat read model through the API, fed with chat events published straight onto the event bus as
 * the conversation aggregate will publish them (numbered per conversation, texts sealed under keys in
 * {@code content_keys}), and read back over HTTP as a client reads it.
 */
@IntegrationTest
class ChatReadModelTest {

    private static final Duration PROJECTED = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    EventBus eventBus;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    QueryGateway queryGateway;
    Api api;

    Session ana;
    Session ben;
    Session stranger;

    @BeforeEach
    void signIn() {
        api = new Api(port);
        ana = api.newUser("Ana");
        ben = api.newUser("Ben");
        stranger = api.newUser("Stranger");
    }

    @Test
    void membersListTheirConversationsWithUnreadCountsAndASyncBringsWhatChangedSince() {
        Conversation climbing = new Conversation();
        Conversation cooking = new Conversation();
        climbing.publish(climbing.group(ana, "Climbing", ben));
        cooking.publish(cooking.group(ben, "Cooking", ana));
        climbing.publish(climbing.text(ana, "saturday?"));
        climbing.publish(climbing.text(ana, "the usual crag"));
        climbing.publish(climbing.text(ben, "in!"));

        // Ben's own "in!" (seq 4) is not unread: wait for it, not only for the two unread before it.
        JsonNode listing = awaitListing(ben, "", items -> unreadOf(items, climbing.id) == 2
                && find(items, climbing.id).get("lastSeq").asLong() == 4);
        JsonNode item = find(listing.get("items"), climbing.id);
        assertThat(item.get("kind").asString()).isEqualTo("GROUP");
        assertThat(item.get("title").asString()).isEqualTo("Climbing");
        assertThat(item.get("memberCount").asInt()).isEqualTo(2);
        assertThat(item.get("lastSeq").asLong()).isEqualTo(4);
        assertThat(item.get("lastReadSeq").asLong()).isEqualTo(1);
        assertThat(item.get("muted").asBoolean()).isFalse();
        assertThat(item.get("lastMessage").get("text").asString()).isEqualTo("in!");
        assertThat(listing.get("nextCursor").isNull()).isTrue();
        String syncToken = listing.get("syncToken").asString();
        assertThat(syncToken).isNotBlank();

        climbing.publish(climbing.text(ana, "bring ropes"));
        // A sync may repeat a conversation that changed while the listing was read (other transactions were running
        // then); it never leaves one out. That it lists only what changed is the query side's ChatSyncTest.
        JsonNode since = awaitListing(ben, "?updatedSince=" + syncToken, items -> unreadOf(items, climbing.id) == 3);
        assertThat(ids(since.get("items"))).contains(climbing.id.toString());

        api.post("/api/conversations/" + cooking.id + "/read", ben.accessToken(), Map.of("seq", 1)).expectStatus(204);
        climbing.publish(climbing.remove(ben, RemovalReason.LEFT, ben));
        JsonNode afterLeaving = awaitListing(ben, "?updatedSince=" + since.get("syncToken").asString(),
                items -> find(items, climbing.id) != null && find(items, climbing.id).get("removed").asBoolean());
        assertThat(find(afterLeaving.get("items"), climbing.id).get("lastMessage").isNull()).isTrue();
        assertThat(ids(api.get("/api/me/conversations", ben.accessToken()).json().get("items"))).containsExactly(cooking.id.toString());
        assertThat(ids(api.get("/api/me/conversations?kind=DIRECT", ana.accessToken()).json().get("items"))).isEmpty();
    }

    @Test
    void aConversationShowsItsMembersWithTheirNamesAndRoles() {
        Conversation climbing = new Conversation();
        climbing.publish(climbing.group(ana, "Climbing", ben));

        JsonNode conversation = awaitOk(ben, "/api/conversations/" + climbing.id, body -> body.contains("\"Ben\"") && body.contains("\"Ana\""))
                .json();

        assertThat(conversation.get("conversationId").asString()).isEqualTo(climbing.id.toString());
        assertThat(conversation.get("kind").asString()).isEqualTo("GROUP");
        assertThat(conversation.get("settings").get("slowModeSeconds").asInt()).isZero();
        assertThat(conversation.get("settings").get("readOnly").asBoolean()).isFalse();
        List<String> members = new ArrayList<>();
        conversation.get("members").forEach(member -> members.add(member.get("displayName").asString() + ":" + member.get("role").asString()));
        assertThat(members).containsExactly("Ana:OWNER", "Ben:MEMBER");
    }

    @Test
    void messagesArePagedNewestFirstAndChangesAfterASeqComeWithoutGaps() {
        Conversation climbing = new Conversation();
        climbing.publish(climbing.group(ana, "Climbing", ben));
        List<MessagePosted> posted = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            posted.add(climbing.publish(climbing.text(i % 2 == 0 ? ben : ana, "message " + i)));
        }
        climbing.publish(climbing.react(posted.get(4).messageId(), ben, "🔥"));
        awaitChanges(ana, climbing, 0, 7);

        JsonNode first = api.get("/api/conversations/" + climbing.id + "/messages?limit=2", ana.accessToken()).expectStatus(200).json();
        assertThat(texts(first.get("items"))).containsExactly("message 5", "message 4");
        JsonNode newest = first.get("items").get(0);
        assertThat(newest.get("senderId").asString()).isEqualTo(ana.userId());
        assertThat(newest.get("type").asString()).isEqualTo("TEXT");
        assertThat(newest.get("deleted").asBoolean()).isFalse();
        assertThat(newest.get("reactions").get(0).get("emoji").asString()).isEqualTo("🔥");
        assertThat(newest.get("reactions").get(0).get("count").asInt()).isEqualTo(1);
        assertThat(newest.get("reactions").get(0).get("mine").asBoolean()).isFalse();
        JsonNode second = api.get("/api/conversations/" + climbing.id + "/messages?limit=2&beforeSeq=" + first.get("nextCursor").asString(),
                ana.accessToken()).expectStatus(200).json();
        assertThat(texts(second.get("items"))).containsExactly("message 3", "message 2");

        JsonNode changes = api.get("/api/conversations/" + climbing.id + "/changes?afterSeq=2&limit=3", ana.accessToken()).expectStatus(200).json();
        List<Long> seqs = new ArrayList<>();
        changes.get("items").forEach(change -> seqs.add(change.get("seq").asLong()));
        assertThat(seqs).containsExactly(3L, 4L, 5L);
        assertThat(changes.get("items").get(0).get("type").asString()).isEqualTo("message.new");
        assertThat(changes.get("items").get(0).get("message").get("text").asString()).isEqualTo("message 2");
        assertThat(changes.get("lastSeq").asLong()).isEqualTo(7);
        assertThat(changes.get("hasMore").asBoolean()).isTrue();
        JsonNode rest = api.get("/api/conversations/" + climbing.id + "/changes?afterSeq=5", ana.accessToken()).expectStatus(200).json();
        assertThat(rest.get("items").size()).isEqualTo(2);
        assertThat(rest.get("items").get(1).get("type").asString()).isEqualTo("reaction.changed");
        assertThat(rest.get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void aDeletedMessageKeepsItsPlaceButItsTextIsGoneEverywhere() {
        Conversation climbing = new Conversation();
        climbing.publish(climbing.group(ana, "Climbing", ben));
        MessagePosted secret = climbing.publish(climbing.text(ana, "my door code is 1234"));
        climbing.publish(climbing.delete(secret.messageId(), ana));

        awaitChanges(ben, climbing, 0, 3);
        JsonNode message = api.get("/api/conversations/" + climbing.id + "/messages", ben.accessToken()).json().get("items").get(0);
        assertThat(message.get("messageId").asString()).isEqualTo(secret.messageId().toString());
        assertThat(message.get("deleted").asBoolean()).isTrue();
        assertThat(message.get("text").isNull()).isTrue();
        assertThat(message.get("senderId").asString()).isEqualTo(ana.userId());
        assertThat(find(api.get("/api/me/conversations", ben.accessToken()).json().get("items"), climbing.id).get("unreadCount").asInt())
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from chat_messages where message_id = ? and text is null",
                Integer.class, secret.messageId().value())).isEqualTo(1);
        assertThat(api.get("/api/conversations/" + climbing.id + "/changes", ben.accessToken()).body()).doesNotContain("1234");
    }

    @Test
    void nobodyButItsMembersLearnsThatAConversationExists() {
        Conversation climbing = new Conversation();
        climbing.publish(climbing.group(ana, "Climbing", ben));
        climbing.publish(climbing.text(ana, "members only"));
        awaitChanges(ana, climbing, 0, 2);
        String unknown = UUID.randomUUID().toString();

        for (String conversation : List.of(climbing.id.toString(), unknown)) {
            for (String path : List.of("", "/messages", "/changes")) {
                Response response = api.get("/api/conversations/" + conversation + path, stranger.accessToken());
                assertThat(response.status()).as(path).isEqualTo(404);
                assertThat(response.code()).isEqualTo("NOT_FOUND");
            }
            Response read = api.post("/api/conversations/" + conversation + "/read", stranger.accessToken(), Map.of("seq", 2));
            assertThat(read.status()).isEqualTo(404);
        }
        assertThat(api.get("/api/me/conversations", stranger.accessToken()).json().get("items").size()).isZero();
        assertThat(api.get("/api/conversations/" + climbing.id, null).status()).isEqualTo(401);

        climbing.publish(climbing.remove(ben, RemovalReason.REMOVED, ana));
        await().atMost(PROJECTED).until(() -> api.get("/api/conversations/" + climbing.id + "/messages", ben.accessToken()).status() == 404);
    }

    @Test
    void theReadMarkerOnlyMovesUp() {
        Conversation climbing = new Conversation();
        climbing.publish(climbing.group(ana, "Climbing", ben));
        for (int i = 1; i <= 3; i++) {
            climbing.publish(climbing.text(ana, "message " + i));
        }
        awaitListing(ben, "", items -> unreadOf(items, climbing.id) == 3);
        String read = "/api/conversations/" + climbing.id + "/read";

        api.post(read, ben.accessToken(), Map.of("seq", 3)).expectStatus(204);
        api.post(read, ben.accessToken(), Map.of("seq", 1)).expectStatus(204);

        JsonNode item = find(api.get("/api/me/conversations", ben.accessToken()).json().get("items"), climbing.id);
        assertThat(item.get("lastReadSeq").asLong()).isEqualTo(3);
        assertThat(item.get("unreadCount").asInt()).isEqualTo(1);

        Response negative = api.post(read, ben.accessToken(), Map.of("seq", -1));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("seq");
        Response missing = api.post(read, ben.accessToken(), Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("seq");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        Conversation climbing = new Conversation();
        climbing.publish(climbing.group(ana, "Climbing", ben));
        MessagePosted hello = climbing.publish(climbing.text(ana, "hello"));
        ReactionAdded like = climbing.publish(climbing.react(hello.messageId(), ben, "👍"));

        climbing.redeliver(hello);
        climbing.redeliver(like);
        climbing.publish(climbing.text(ben, "after the redelivery"));
        awaitChanges(ana, climbing, 0, 4);

        JsonNode changes = api.get("/api/conversations/" + climbing.id + "/changes", ana.accessToken()).json();
        List<Long> seqs = new ArrayList<>();
        changes.get("items").forEach(change -> seqs.add(change.get("seq").asLong()));
        assertThat(seqs).containsExactly(1L, 2L, 3L, 4L);
        JsonNode messages = api.get("/api/conversations/" + climbing.id + "/messages", ana.accessToken()).json().get("items");
        assertThat(texts(messages)).containsExactly("after the redelivery", "hello");
        assertThat(messages.get(1).get("reactions").get(0).get("count").asInt()).isEqualTo(1);
        assertThat(find(api.get("/api/me/conversations", ben.accessToken()).json().get("items"), climbing.id).get("unreadCount").asInt())
                .isEqualTo(1);
    }

    @Test
    void invalidParametersAreRefusedFieldByField() {
        Conversation climbing = new Conversation();
        climbing.publish(climbing.group(ana, "Climbing", ben));
        awaitChanges(ana, climbing, 0, 1);

        for (String path : List.of("/api/conversations/" + climbing.id + "/messages?limit=0",
                "/api/conversations/" + climbing.id + "/messages?limit=101",
                "/api/conversations/" + climbing.id + "/messages?beforeSeq=0",
                "/api/conversations/" + climbing.id + "/changes?limit=501",
                "/api/conversations/" + climbing.id + "/changes?afterSeq=-1",
                "/api/me/conversations?limit=0")) {
            Response response = api.get(path, ana.accessToken());
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.code()).as(path).isEqualTo("VALIDATION_FAILED");
            assertThat(response.json().get("errors").get(0).get("field").asString()).as(path)
                    .isEqualTo(path.substring(path.indexOf('?') + 1, path.indexOf('=')));
        }
        assertThat(api.get("/api/me/conversations?updatedSince=forged", ana.accessToken()).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/me/conversations?cursor=forged", ana.accessToken()).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/me/conversations?kind=CHANNEL", ana.accessToken()).status()).isEqualTo(400);
        assertThat(api.get("/api/conversations/" + climbing.id + "/changes?limit=500", ana.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void whatMembersWriteThroughTheApiIsWhatTheyReadBack() {
        String conversation = api.post("/api/conversations", ana.accessToken(), Map.of("title", "Supper club", "memberIds", List.of(ben.userId())))
                .expectStatus(201).json().get("conversationId").asString();
        String hello = write(conversation, ana, "Hello " + UUID.randomUUID());
        String secret = write(conversation, ana, "The door code is 4711");
        api.patch("/api/messages/" + hello, ana.accessToken(), Map.of("text", "Hello, all")).expectStatus(200);
        api.put("/api/messages/" + hello + "/reactions/" + URLEncoder.encode("🎉", StandardCharsets.UTF_8), ben.accessToken()).expectStatus(204);
        api.post("/api/messages/" + secret + "/reports", ben.accessToken(), Map.of("reason", "OTHER", "note", "not for here"))
                .expectStatus(201);
        api.delete("/api/messages/" + secret, ana.accessToken()).expectStatus(204);
        write(conversation, ben, "Thanks!");

        JsonNode changes = awaitOk(ben, "/api/conversations/" + conversation + "/changes",
                body -> body.contains("\"lastSeq\":7")).json();
        List<String> types = new ArrayList<>();
        changes.get("items").forEach(change -> types.add(change.get("seq").asLong() + " " + change.get("type").asString()));
        assertThat(types).containsExactly("1 conversation.updated", "2 message.new", "3 message.new", "4 message.updated",
                "5 reaction.changed", "6 message.deleted", "7 message.new");
        JsonNode messages = api.get("/api/conversations/" + conversation + "/messages", ben.accessToken()).json().get("items");
        assertThat(texts(messages)).containsExactly("Thanks!", null, "Hello, all");
        assertThat(messages.get(1).get("deleted").asBoolean()).isTrue();
        assertThat(messages.get(2).get("editedAt").isNull()).isFalse();
        assertThat(messages.get(2).get("reactions").get(0).get("mine").asBoolean()).isTrue();
        JsonNode listed = find(api.get("/api/me/conversations", ben.accessToken()).json().get("items"), ConversationId.of(conversation));
        assertThat(listed.get("title").asString()).isEqualTo("Supper club");
        assertThat(listed.get("unreadCount").asInt()).as("Ana's edited hello; the deleted one and his own do not count").isEqualTo(1);

        MessageReportPage reports = queryGateway.query(new FindMessageReports(MessageReportStatus.HANDLED, 100, null),
                ResponseTypes.instanceOf(MessageReportPage.class)).join();
        assertThat(reports.items()).filteredOn(report -> report.messageId().toString().equals(secret)).singleElement().satisfies(report -> {
            assertThat(report.handledBecause()).isEqualTo(ReportHandling.MESSAGE_DELETED);
            assertThat(report.text()).isNull();
            assertThat(report.note()).isEqualTo("not for here");
            assertThat(report.reporterName()).isEqualTo("Ben");
        });
    }

    private String write(String conversation, Session sender, String text) {
        return api.postOnce("/api/conversations/" + conversation + "/messages", sender.accessToken(), Map.of("type", "TEXT", "text", text))
                .expectStatus(201).json().get("messageId").asString();
    }

    private JsonNode awaitListing(Session user, String query, Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(PROJECTED).until(() -> {
            last[0] = api.get("/api/me/conversations" + query, user.accessToken()).expectStatus(200).json();
            return until.test(last[0].get("items"));
        });
        return last[0];
    }

    private void awaitChanges(Session user, Conversation conversation, long afterSeq, long lastSeq) {
        await().atMost(PROJECTED).until(() -> {
            Response changes = api.get("/api/conversations/" + conversation.id + "/changes?afterSeq=" + afterSeq, user.accessToken());
            return changes.status() == 200 && changes.json().get("lastSeq").asLong() == lastSeq;
        });
    }

    private Response awaitOk(Session user, String path, Predicate<String> body) {
        Response[] last = new Response[1];
        await().atMost(PROJECTED).until(() -> {
            last[0] = api.get(path, user.accessToken());
            return last[0].status() == 200 && body.test(last[0].body());
        });
        return last[0];
    }

    private static long unreadOf(JsonNode items, ConversationId id) {
        JsonNode item = find(items, id);
        return item == null ? -1 : item.get("unreadCount").asLong();
    }

    private static JsonNode find(JsonNode items, ConversationId id) {
        for (JsonNode item : items) {
            if (item.get("conversationId").asString().equals(id.toString())) {
                return item;
            }
        }
        return null;
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("conversationId").asString()));
        return ids;
    }

    private static List<String> texts(JsonNode items) {
        List<String> texts = new ArrayList<>();
        items.forEach(item -> texts.add(item.get("text").isNull() ? null : item.get("text").asString()));
        return texts;
    }

    private static UserId id(Session session) {
        return UserId.of(session.userId());
    }

    /**
     * One conversation as its aggregate would write it: domain events numbered from 0 per conversation,
     * each change with the next seq, each text sealed under a key of its own.
     */
    private final class Conversation {

        final ConversationId id = ConversationId.random();
        private final Map<MessageId, UUID> keyOf = new HashMap<>();
        private long seq;
        private long aggregateSequence;
        private Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        ConversationStarted group(Session owner, String title, Session... members) {
            return new ConversationStarted(id, ++seq, ConversationKind.GROUP, title, null, id(owner),
                    java.util.Arrays.stream(members).map(ChatReadModelTest::id).toList(), tick());
        }

        MessagePosted text(Session sender, String text) {
            MessageId messageId = MessageId.random();
            return new MessagePosted(id, ++seq, messageId, id(sender), MessageType.TEXT, seal(messageId, text), List.of(), null, null, null,
                    tick());
        }

        ReactionAdded react(MessageId messageId, Session user, String emoji) {
            return new ReactionAdded(id, ++seq, messageId, id(user), emoji, tick());
        }

        MemberRemoved remove(Session user, RemovalReason reason, Session by) {
            return new MemberRemoved(id, ++seq, id(user), reason, id(by), null, tick());
        }

        /** As the command side deletes: the key is destroyed first. */
        MessageDeleted delete(MessageId messageId, Session by) {
            jdbc.update("delete from content_keys where key_id = ?", keyOf.get(messageId));
            return new MessageDeleted(id, ++seq, messageId, id(by), List.of(), tick());
        }

        <T> T publish(T event) {
            long sequence = aggregateSequence++;
            transactionManager.executeInTransaction(() -> eventBus.publish(
                    new GenericDomainEventMessage<>("Conversation", id.toString(), sequence, event)));
            return event;
        }

        /** The same event once more, as a tracking processor delivers it again after a rollback. */
        void redeliver(Object event) {
            transactionManager.executeInTransaction(() -> eventBus.publish(GenericEventMessage.asEventMessage(event)));
        }

        private Instant tick() {
            at = at.plusMillis(1);
            return at;
        }

        private SealedText seal(MessageId messageId, String text) {
            UUID keyId = UUID.randomUUID();
            byte[] key = ContentCipher.newKey();
            jdbc.update("insert into content_keys (key_id, key_bytes) values (?, ?)", keyId, key);
            keyOf.put(messageId, keyId);
            return ContentCipher.seal(keyId, key, text);
        }
    }
}
