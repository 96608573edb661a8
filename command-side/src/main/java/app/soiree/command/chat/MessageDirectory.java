package app.soiree.command.chat;

import app.soiree.api.chat.ConversationId;
import app.soiree.api.chat.MessageId;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds a message's conversation for the paths that name only the message. Written before the
 * message is posted: a post that then fails leaves a row pointing at a conversation that has no such
 * message, which the conversation answers with 404.
 */
@Component
class MessageDirectory {

    private final JdbcTemplate jdbc;

    MessageDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the message's conversation before the message is posted. A retried post finds its row there already; a row
     * naming another conversation means the post's id (its Idempotency-Key's) belongs to a message elsewhere, and the post
     * is refused.
     * <p>
     * The same statement lets the current transaction (the lookup row and the message's key) commit without waiting for
     * its flush to disk, as an {@code Idempotency-Key} claim does: PostgreSQL writes one log in order, so the command's own
     * commit, which waits for its flush, makes this one durable with it; and what a crash takes before any such commit
     * belonged to a message never posted. (One statement, not a {@code set local} of its own: each of a post's round trips
     * counts at chat's rates.)
     */
    void recordBeforeThePost(MessageId messageId, ConversationId conversationId) {
        int inserted = jdbc.update("""
                        with relaxed as (select set_config('synchronous_commit', 'off', true))
                        insert into chat_message_lookup (message_id, conversation_id) select ?::uuid, ?::uuid from relaxed
                        on conflict (message_id) do nothing""",
                messageId.value(), conversationId.value());
        if (inserted == 0 && !conversationOf(messageId).equals(conversationId)) {
            throw new SoireeException(ErrorCode.ID_ALREADY_USED, "This Idempotency-Key was already used for a message in another conversation");
        }
    }

    ConversationId conversationOf(MessageId messageId) {
        return jdbc.query("select conversation_id from chat_message_lookup where message_id = ?",
                        (rs, row) -> new ConversationId(rs.getObject(1, UUID.class)), messageId.value())
                .stream().findFirst().orElseThrow(() -> SoireeException.notFound("Message " + messageId));
    }
}
