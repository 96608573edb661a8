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

    /** As {@link #claim}, for a new message, which becomes the conversation's last one (its activity, in listings). */
    boolean claimPost(MessagePosted posted) {
        return claim(posted, ChangeType.MESSAGE_NEW, posted.messageId().value(), ", last_message_id = :message, activity_at = :at");
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
            List<Long> last = jdbc.query("select last_seq from chat_conversations where conversation_id = :id",
                    new MapSqlParameterSource("id", conversationId), (row, index) -> row.getLong("last_seq"));
            if (last.isEmpty()) {
                throw new IllegalStateException("Conversation " + conversationId + " has a change with seq " + change.seq()
                        + " but was never started in this read model");
            }
            if (change.seq() <= last.getFirst()) {
                return false;
            }
            throw new IllegalStateException("Conversation " + conversationId + " has a change with seq " + change.seq()
                    + " after seq " + last.getFirst() + ": a change in between is missing");
        }
        return true;
    }

    private void log(ConversationChange change, ChangeType type, @Nullable UUID messageId) {
        jdbc.update("insert into chat_changes (conversation_id, seq, type, message_id, at) values (:id, :seq, :type, :message, :at)",
                new MapSqlParameterSource("id", change.conversationId().value()).addValue("seq", change.seq())
                        .addValue("type", type.wireName()).addValue("message", messageId).addValue("at", Timestamp.from(change.at())));
    }
}
