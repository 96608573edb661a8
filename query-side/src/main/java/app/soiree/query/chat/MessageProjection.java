package app.soiree.query.chat;

import app.soiree.api.chat.ConversationChange;
import app.soiree.api.chat.MessageDeleted;
import app.soiree.api.chat.MessageEdited;
import app.soiree.api.chat.MessageId;
import app.soiree.api.chat.MessagePosted;
import app.soiree.api.chat.ReactionAdded;
import app.soiree.api.chat.ReactionRemoved;
import app.soiree.api.chat.ReminderFired;
import app.soiree.api.identity.PersonalDataErased;
import app.soiree.api.identity.UserId;
import app.soiree.query.social.Blocks;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Messages and reactions, applied once each in seq order ({@link ConversationSeq}). Text is opened
 * with the message's key as it arrives; a deletion erases it, with the media and the reminder's text,
 * and the message's reactions. Each change is pushed to the members, and their unread totals to those
 * whose total it moved; nothing is pushed while the processor replays the stream.
 */
@Component
@ProcessingGroup(ConversationProjection.PROCESSING_GROUP)
class MessageProjection {

    private final NamedParameterJdbcTemplate jdbc;
    private final ConversationSeq seq;
    private final MessageTexts texts;
    private final MessageRows messages;
    private final CurrentMembers members;
    private final UnreadCounts unread;
    private final UnreadTotalPushes unreadTotals;
    private final ChatPushes pushes;
    private final Blocks blocks;

    MessageProjection(NamedParameterJdbcTemplate jdbc, ConversationSeq seq, MessageTexts texts, MessageRows messages,
                      CurrentMembers members, UnreadCounts unread, UnreadTotalPushes unreadTotals, ChatPushes pushes, Blocks blocks) {
        this.jdbc = jdbc;
        this.seq = seq;
        this.texts = texts;
        this.messages = messages;
        this.members = members;
        this.unread = unread;
        this.unreadTotals = unreadTotals;
        this.pushes = pushes;
        this.blocks = blocks;
    }

    /**
     * Two statements: the seq claimed with the message's key read; the message inserted with every
     * member's unread count moved (the sender's excepted), which returns the members to tell. The members are shown the row as inserted, not read back.
     */
    @EventHandler
    void on(MessagePosted event, ReplayStatus replay) {
        UUID conversationId = event.conversationId().value();
        UUID messageId = event.messageId().value();
        UUID keyId = event.text() != null ? event.text().keyId() : event.reminder() != null ? event.reminder().text().keyId() : null;
        ConversationSeq.PostClaimed claimed = seq.claimPost(event, keyId);
        if (claimed == null) {
            return;
        }
        UUID senderId = event.senderId() == null ? null : event.senderId().value();
        String text = texts.open(event.text(), keyId, claimed.key());
        String reminderText = event.reminder() == null ? null : texts.open(event.reminder().text(), keyId, claimed.key());
        // The row as stored (its times as PostgreSQL rounds them), with every current member, the sender too.
        Posted posted = jdbc.queryForObject("""
                        with inserted as (
                            insert into chat_messages (message_id, conversation_id, seq, sender_id, type, text, media_ids, gathering_id,
                                                       reminder_at, reminder_text, reply_to_message_id, created_at)
                            values (:id, :conversation, :seq, :sender, :type, :text, :media, :gathering, :reminderAt, :reminderText,
                                    :replyTo, :at)
                            returning""" + " " + MessageRow.COLUMNS + """
                        ),
                        counted as (""" + UnreadCounts.POSTED + """
                        )
                        select inserted.*, array(select user_id from counted) as members from inserted""",
                new MapSqlParameterSource("id", messageId).addValue("conversation", conversationId).addValue("seq", event.seq())
                        .addValue("sender", senderId).addValue("type", event.type().name()).addValue("text", text)
                        .addValue("media", event.mediaIds().toArray(UUID[]::new))
                        .addValue("gathering", event.gatheringId() == null ? null : event.gatheringId().value())
                        .addValue("reminderAt", event.reminder() == null ? null : Timestamp.from(event.reminder().at()))
                        .addValue("reminderText", reminderText)
                        .addValue("replyTo", event.replyToMessageId() == null ? null : event.replyToMessageId().value())
                        .addValue("at", Timestamp.from(event.at())),
                (row, index) -> new Posted(MessageRow.read(row, index), List.of((UUID[]) row.getArray("members").getArray())));
        if (!replay.isReplay()) {
            List<UUID> told = Objects.requireNonNull(posted).members();
            pushes.change(event, ChangeType.MESSAGE_NEW, notBlockingTheSender(told, senderId), messages.newlyPosted(posted.row()));
            unreadTotals.changed(told.stream().filter(member -> !member.equals(senderId)).toList());
        }
    }

    private record Posted(MessageRow row, List<UUID> members) {
    }

    @EventHandler
    void on(MessageEdited event, ReplayStatus replay) {
        if (!seq.claim(event, ChangeType.MESSAGE_UPDATED, event.messageId().value())) {
            return;
        }
        jdbc.update("update chat_messages set text = :text, edited_at = :at where message_id = :id and not deleted",
                new MapSqlParameterSource("id", event.messageId().value()).addValue("text", texts.open(event.text()))
                        .addValue("at", Timestamp.from(event.at())));
        pushUpdate(event, ChangeType.MESSAGE_UPDATED, event.messageId(), replay);
    }

    @EventHandler
    void on(ReminderFired event, ReplayStatus replay) {
        if (!seq.claim(event, ChangeType.MESSAGE_UPDATED, event.messageId().value())) {
            return;
        }
        jdbc.update("update chat_messages set reminder_fired_at = :at where message_id = :id",
                new MapSqlParameterSource("id", event.messageId().value()).addValue("at", Timestamp.from(event.at())));
        pushUpdate(event, ChangeType.MESSAGE_UPDATED, event.messageId(), replay);
    }

    @EventHandler
    void on(MessageDeleted event, ReplayStatus replay) {
        UUID conversationId = event.conversationId().value();
        UUID messageId = event.messageId().value();
        if (!seq.claim(event, ChangeType.MESSAGE_DELETED, messageId)) {
            return;
        }
        // Whose unread count included it, taken back before it is marked deleted.
        List<UUID> countedIt = unread.deleting(messageId);
        jdbc.update("""
                        update chat_messages set deleted = true, text = null, media_ids = '{}', reminder_text = null,
                                                 deleted_by = :by, deleted_at = :at
                        where message_id = :id""",
                new MapSqlParameterSource("id", messageId).addValue("by", event.deletedBy().value()).addValue("at", Timestamp.from(event.at())));
        jdbc.update("delete from chat_reactions where message_id = :id", new MapSqlParameterSource("id", messageId));
        if (!replay.isReplay()) {
            pushMessage(event, ChangeType.MESSAGE_DELETED, messageId, members.toTell(conversationId));
            unreadTotals.changed(countedIt);
        }
    }

    @EventHandler
    void on(ReactionAdded event, ReplayStatus replay) {
        if (!seq.claim(event, ChangeType.REACTION_CHANGED, event.messageId().value())) {
            return;
        }
        // Not on a deleted message: its reactions went with its content.
        jdbc.update("""
                        insert into chat_reactions (message_id, user_id, emoji, reacted_at)
                        select :message, :user, :emoji, :at where exists (select 1 from chat_messages where message_id = :message and not deleted)
                        on conflict do nothing""",
                new MapSqlParameterSource("message", event.messageId().value()).addValue("user", event.userId().value())
                        .addValue("emoji", event.emoji()).addValue("at", Timestamp.from(event.at())));
        pushReaction(event, event.messageId(), event.userId(), event.emoji(), true, replay);
    }

    @EventHandler
    void on(ReactionRemoved event, ReplayStatus replay) {
        if (!seq.claim(event, ChangeType.REACTION_CHANGED, event.messageId().value())) {
            return;
        }
        jdbc.update("delete from chat_reactions where message_id = :message and user_id = :user and emoji = :emoji",
                new MapSqlParameterSource("message", event.messageId().value()).addValue("user", event.userId().value())
                        .addValue("emoji", event.emoji()));
        pushReaction(event, event.messageId(), event.userId(), event.emoji(), false, replay);
    }

    /** Not to those who blocked the sender: they see the message as hidden when they read the changes. */
    private void pushUpdate(ConversationChange change, ChangeType type, MessageId messageId, ReplayStatus replay) {
        if (!replay.isReplay()) {
            messages.find(messageId.value()).ifPresent(message -> pushes.change(change, type, messages.viewsFor(message,
                    notBlockingTheSender(members.toTell(change.conversationId().value()), message.senderId()))));
        }
    }

    /**
     * The members but those who blocked {@code senderId}: a blocker is not told what the blocked user says (their unread
     * count still counts it, see "Reading chat" in docs/api-guide.md).
     */
    private Collection<UUID> notBlockingTheSender(Collection<UUID> members, @Nullable UUID senderId) {
        if (senderId == null) {
            return members;
        }
        Set<UUID> blockers = blocks.blockersAmong(members, senderId);
        return blockers.isEmpty() ? members : members.stream().filter(member -> !blockers.contains(member)).toList();
    }

    private void pushMessage(ConversationChange change, ChangeType type, UUID messageId, Collection<UUID> told) {
        messages.find(messageId).ifPresent(message -> pushes.change(change, type, messages.viewsFor(message, told)));
    }

    private void pushReaction(ConversationChange change, MessageId messageId, UserId userId, String emoji, boolean added, ReplayStatus replay) {
        if (replay.isReplay()) {
            return;
        }
        Integer count = jdbc.queryForObject("select count(*) from chat_reactions where message_id = :message and emoji = :emoji",
                new MapSqlParameterSource("message", messageId.value()).addValue("emoji", emoji), Integer.class);
        pushes.change(change, ChangeType.REACTION_CHANGED, members.toTell(change.conversationId().value()),
                new ReactionChanged(messageId, userId, emoji, added, count == null ? 0 : count));
    }

    /** {@code reaction.changed}: who added or removed which emoji, and how many have it now. */
    record ReactionChanged(MessageId messageId, UserId userId, String emoji, boolean added, int count) {
    }

    /**
     * An erased user's messages lose the text this read model opened (their keys are destroyed too, so a
     * message of theirs projected later opens to nothing); ids, order, media and reactions stay.
     */
    @EventHandler
    void on(PersonalDataErased event) {
        jdbc.update("update chat_messages set text = null, reminder_text = null where sender_id = :user",
                new MapSqlParameterSource("user", event.userId().value()));
    }
}
