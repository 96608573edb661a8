package app.soiree.query.chat;

import app.soiree.api.chat.ConversationChange;
import app.soiree.api.chat.ConversationStarted;
import app.soiree.api.chat.MessagePosted;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies each conversation's changes exactly once and in order, by their gapless seq: a change is
 * applied only when its seq is one more than the last applied, which it then becomes, in the same
 * transaction that logs it in {@code chat_changes} and applies it. A redelivered change finds its seq
 * taken and is skipped whole, pushes included. A seq further ahead means a change is missing: that
 * throws, and the event is parked (with the conversation's later ones behind it) rather than applied
 * over a hole.
 */
@Component
class ConversationSeq {

    private final NamedParameterJdbcTemplate jdbc;

    ConversationSeq(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the conversation is new here (its row is written now), false when it was started before. */
    boolean start(ConversationStarted event) {
        int inserted = jdbc.update("""
                        insert into chat_conversations (conversation_id, kind, title, gathering_id, owner_id, last_seq, created_at, activity_at)
                        values (:id, :kind, :title, :gathering, :owner, :seq, :at, :at)
                        on conflict (conversation_id) do nothing""",
                new MapSqlParameterSource("id", event.conversationId().value()).addValue("kind", event.kind().name())
                        .addValue("title", event.title())
                        .addValue("gathering", event.gatheringId() == null ? null : event.gatheringId().value())
                        .addValue("owner", event.ownerId() == null ? null : event.ownerId().value())
                        .addValue("seq", event.seq()).addValue("at", Timestamp.from(event.at())));
        if (inserted == 0) {
            return false;
        }
        log(event, ChangeType.CONVERSATION_UPDATED, null);
        return true;
    }

    /** True when {@code change} is the conversation's next and now claimed; false when it was applied before. */
    boolean claim(ConversationChange change, ChangeType type, @Nullable UUID messageId) {
        return claim(change, type, messageId, "");
    }

    /**
     * As {@link #claim}, for a new message, which becomes the conversation's last one (its activity, in
     * listings); in the same statement, reads the message's key ({@code content_keys}, by {@code keyId}).
     * Null when the message was applied before; else what was read, its key null when it has none (no
     * text, or deleted since).
     */
    @Nullable PostClaimed claimPost(MessagePosted posted, @Nullable UUID keyId) {
        UUID conversationId = posted.conversationId().value();
        List<PostClaimed> claimed = jdbc.query("""
                        with claimed as (
                            update chat_conversations set last_seq = :seq, changed_xid = pg_current_xact_id(), last_message_id = :message,
                                                          activity_at = :at
                            where conversation_id = :id and last_seq = :seq - 1
                            returning conversation_id),
                        logged as (
                            insert into chat_changes (conversation_id, seq, type, message_id, at)
                            select conversation_id, :seq, :type, :message, :at from claimed
                            returning conversation_id)
                        select (select key_bytes from content_keys where key_id = :key) as key_bytes from logged""",
                new MapSqlParameterSource("id", conversationId).addValue("seq", posted.seq()).addValue("type", ChangeType.MESSAGE_NEW.wireName())
                        .addValue("message", posted.messageId().value()).addValue("at", Timestamp.from(posted.at())).addValue("key", keyId),
                (row, index) -> new PostClaimed(row.getBytes("key_bytes")));
        if (!claimed.isEmpty()) {
            return claimed.getFirst();
        }
        alreadyApplied(conversationId, posted.seq());
        return null;
    }

    /** A claimed post, with its key if it has one. */
    record PostClaimed(byte @Nullable [] key) {
    }

    /** The claim and the change's line in {@code chat_changes}: one statement, which inserts the line only when it claimed the seq. */
    private boolean claim(ConversationChange change, ChangeType type, @Nullable UUID messageId, String alsoSet) {
        UUID conversationId = change.conversationId().value();
        int moved = jdbc.update("""
                        with claimed as (
                            update chat_conversations set last_seq = :seq, changed_xid = pg_current_xact_id()""" + alsoSet + """

                            where conversation_id = :id and last_seq = :seq - 1
                            returning conversation_id)
                        insert into chat_changes (conversation_id, seq, type, message_id, at)
                        select conversation_id, :seq, :type, :message, :at from claimed""",
                new MapSqlParameterSource("id", conversationId).addValue("seq", change.seq()).addValue("type", type.wireName())
                        .addValue("message", messageId).addValue("at", Timestamp.from(change.at())));
        if (moved == 0) {
            alreadyApplied(conversationId, change.seq());
            return false;
        }
        return true;
    }

    /** A change that could not be claimed: returns when it was applied before, throws when it is not the next. */
    private boolean alreadyApplied(UUID conversationId, long seq) {
        List<Long> last = jdbc.query("select last_seq from chat_conversations where conversation_id = :id",
                new MapSqlParameterSource("id", conversationId), (row, index) -> row.getLong("last_seq"));
        if (last.isEmpty()) {
            throw new IllegalStateException("Conversation " + conversationId + " has a change with seq " + seq
                    + " but was never started in this read model");
        }
        if (seq <= last.getFirst()) {
            return true;
        }
        throw new IllegalStateException("Conversation " + conversationId + " has a change with seq " + seq
                + " after seq " + last.getFirst() + ": a change in between is missing");
    }

    private void log(ConversationChange change, ChangeType type, @Nullable UUID messageId) {
        jdbc.update("insert into chat_changes (conversation_id, seq, type, message_id, at) values (:id, :seq, :type, :message, :at)",
                new MapSqlParameterSource("id", change.conversationId().value()).addValue("seq", change.seq())
                        .addValue("type", type.wireName()).addValue("message", messageId).addValue("at", Timestamp.from(change.at())));
    }
}
