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
 * Moving the marker counts the member's unread messages after it again ({@link UnreadCounts}).
 */
@Component
class ReadMarkers {

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentMembers members;
    private final UnreadTotalPushes unreadTotals;
    private final ChatPushes pushes;
    private final Clock clock;

    ReadMarkers(NamedParameterJdbcTemplate jdbc, CurrentMembers members, UnreadTotalPushes unreadTotals, ChatPushes pushes, Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.unreadTotals = unreadTotals;
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
        // Holds the conversation's row, as the projection does while it applies a change: the count below
        // is taken from the messages as they are once no change of this conversation is half-way.
        jdbc.query("select last_seq from chat_conversations where conversation_id = :id for share",
                new MapSqlParameterSource("id", conversationId.value()), (row, index) -> row.getLong("last_seq"));
        List<Long> moved = jdbc.query("""
                        update chat_members m set last_read_seq = least(:seq, c.last_seq), changed_xid = pg_current_xact_id(),
                               unread = (select count(*) from chat_messages x
                                         where x.conversation_id = m.conversation_id and x.seq > least(:seq, c.last_seq)
                                           and x.sender_id is distinct from m.user_id and not x.deleted)
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
        unreadTotals.changed(List.of(reader.value()));
    }

    /** {@code read.updated}: the reader's marker in the conversation now. */
    record ReadUpdated(long lastReadSeq) {
    }
}
