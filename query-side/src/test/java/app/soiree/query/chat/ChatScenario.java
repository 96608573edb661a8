package app.soiree.query.chat;

import app.soiree.api.chat.ContentCipher;
import app.soiree.api.chat.ConversationChange;
import app.soiree.api.chat.ConversationId;
import app.soiree.api.chat.ConversationKind;
import app.soiree.api.chat.ConversationSettingsChanged;
import app.soiree.api.chat.ConversationStarted;
import app.soiree.api.chat.MemberRemoved;
import app.soiree.api.chat.MembersAdded;
import app.soiree.api.chat.MessageDeleted;
import app.soiree.api.chat.MessageEdited;
import app.soiree.api.chat.MessageId;
import app.soiree.api.chat.MessagePosted;
import app.soiree.api.chat.MessageType;
import app.soiree.api.chat.ReactionAdded;
import app.soiree.api.chat.ReactionRemoved;
import app.soiree.api.chat.Reminder;
import app.soiree.api.chat.ReminderFired;
import app.soiree.api.chat.RemovalReason;
import app.soiree.api.chat.SealedText;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One conversation and the events its life produces, numbered as the aggregate numbers them. Texts
 * are sealed as the command side seals them, each under a key of its own stored in {@code content_keys}.
 */
final class ChatScenario {

    static final Instant START = Instant.parse("2026-12-02T10:00:00Z");

    final ConversationId id = ConversationId.random();
    private final JdbcClient jdbc;
    private final Map<MessageId, UUID> keyOf = new HashMap<>();
    private long seq;
    private Instant at = START;

    ChatScenario(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ConversationStarted group(UserId owner, String title, UserId... members) {
        return new ConversationStarted(id, next(), ConversationKind.GROUP, title, null, owner, List.of(members), tick());
    }

    ConversationStarted direct(UserId one, UserId other) {
        return new ConversationStarted(id, next(), ConversationKind.DIRECT, null, null, null, List.of(one, other), tick());
    }

    ConversationStarted gathering(GatheringId gatheringId, UserId host) {
        return new ConversationStarted(id, next(), ConversationKind.GATHERING, null, gatheringId, host, List.of(host), tick());
    }

    MessagePosted text(UserId sender, String text) {
        MessageId messageId = MessageId.random();
        return new MessagePosted(id, next(), messageId, sender, MessageType.TEXT, seal(messageId, text), List.of(), null, null, null, tick());
    }

    MessagePosted image(UserId sender, String caption, UUID... mediaIds) {
        MessageId messageId = MessageId.random();
        return new MessagePosted(id, next(), messageId, sender, MessageType.IMAGE, seal(messageId, caption), List.of(mediaIds), null, null, null,
                tick());
    }

    MessagePosted reminder(UserId sender, String text, Instant when) {
        MessageId messageId = MessageId.random();
        return new MessagePosted(id, next(), messageId, sender, MessageType.REMINDER, seal(messageId, text), List.of(), null,
                new Reminder(when, seal(messageId, text)), null, tick());
    }

    MessagePosted card(UserId sender, GatheringId gatheringId) {
        return new MessagePosted(id, next(), MessageId.random(), sender, MessageType.GATHERING_CARD, null, List.of(), gatheringId, null, null,
                tick());
    }

    MessageEdited edit(MessageId messageId, String text) {
        return new MessageEdited(id, next(), messageId, seal(messageId, text), tick());
    }

    ReminderFired fired(MessageId messageId) {
        return new ReminderFired(id, next(), messageId, tick());
    }

    /** As the command side deletes: the key first, then the event. */
    MessageDeleted delete(MessageId messageId, UserId by, UUID... mediaIds) {
        UUID key = keyOf.get(messageId);
        if (key != null) {
            jdbc.sql("delete from content_keys where key_id = ?").param(key).update();
        }
        return new MessageDeleted(id, next(), messageId, by, List.of(mediaIds), tick());
    }

    ReactionAdded react(MessageId messageId, UserId user, String emoji) {
        return new ReactionAdded(id, next(), messageId, user, emoji, tick());
    }

    ReactionRemoved unreact(MessageId messageId, UserId user, String emoji) {
        return new ReactionRemoved(id, next(), messageId, user, emoji, tick());
    }

    MembersAdded add(@Nullable UserId by, UserId... users) {
        return new MembersAdded(id, next(), List.of(users), by, tick());
    }

    MemberRemoved remove(UserId user, RemovalReason reason, @Nullable UserId by) {
        return new MemberRemoved(id, next(), user, reason, by, null, tick());
    }

    ConversationSettingsChanged settings(@Nullable String title, int slowModeSeconds, boolean readOnly, UserId by) {
        return new ConversationSettingsChanged(id, next(), title, slowModeSeconds, readOnly, by, tick());
    }

    /** A change numbered out of turn: what a lost event would look like to the read model. */
    MessagePosted skipping(UserId sender, String text) {
        next();
        return text(sender, text);
    }

    Instant now() {
        return at;
    }

    Instant tick() {
        at = at.plus(Duration.ofSeconds(1));
        return at;
    }

    static long seqOf(Object event) {
        return ((ConversationChange) event).seq();
    }

    private long next() {
        return ++seq;
    }

    private SealedText seal(MessageId messageId, String text) {
        UUID keyId = keyOf.computeIfAbsent(messageId, message -> {
            UUID key = UUID.randomUUID();
            jdbc.sql("insert into content_keys (key_id, key_bytes) values (?, ?)").param(key).param(ContentCipher.newKey()).update();
            return key;
        });
        byte[] key = jdbc.sql("select key_bytes from content_keys where key_id = ?").param(keyId).query(byte[].class).single();
        return ContentCipher.seal(keyId, key, text);
    }
}
