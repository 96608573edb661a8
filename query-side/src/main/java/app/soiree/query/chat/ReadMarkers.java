package app.soiree.query.chat;

import app.soiree.api.chat.ConversationId;
import app.soiree.api.identity.UserId;
import app.soiree.query.realtime.PushEnvelope;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read markers, from the REST call and from the socket alike. Not events: a marker is the member's
 * own state in the read model. It only moves up, and never past the conversation's last seq; a lower
 * or equal seq changes nothing and tells nobody. Concurrent markers of one member coalesce to the
 * highest, whatever order they commit in: the update compares with the row as it is when it writes.
 */
@Component
class ReadMarkers {

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentMembers members;
    private final UnreadCounts unread;
    private final ChatPushes pushes;
    private final Clock clock;

    ReadMarkers(NamedParameterJdbcTemplate jdbc, CurrentMembers members, UnreadCounts unread, ChatPushes pushes, Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.unread = unread;
        this.pushes = pushes;
        this.clock = clock;
    }

    /**
     * Moves the reader's marker up to {@code seq}; tells their sessions ({@code read.updated}) and their
     * new unread total when it moved. Not found for anyone who is not a member now.
     */
    @Transactional
    void markRead(ConversationId conversationId, UserId reader, long seq) {
        members.requireMember(conversationId.value(), reader.value());
        List<Long> moved = jdbc.query("""
                        update chat_members m set last_read_seq = least(:seq, c.last_seq), changed_xid = pg_current_xact_id()
                        from chat_conversations c
                        where c.conversation_id = m.conversation_id and m.conversation_id = :id and m.user_id = :reader and not m.removed
                          and least(:seq, c.last_seq) > m.last_read_seq
                        returning m.last_read_seq""",
                new MapSqlParameterSource("id", conversationId.value()).addValue("reader", reader.value()).addValue("seq", seq),
                (row, index) -> row.getLong("last_read_seq"));
        if (moved.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        long marker = moved.getFirst();
        pushes.send(reader.value(), new PushEnvelope(ChatPushes.READ_UPDATED, conversationId.value(), null, now, new ReadUpdated(marker)));
        unread.push(List.of(reader.value()), now);
    }

    /** {@code read.updated}: the reader's marker in the conversation now. */
    record ReadUpdated(long lastReadSeq) {
    }
}
