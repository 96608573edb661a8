package app.soiree.query.chat;

import app.soiree.query.realtime.PushEnvelope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Unread counts, always counted from the messages themselves, never kept as counters that a
 * redelivery or a deletion could put out of step: a member's unread messages in a conversation are
 * those after their read marker that others sent and nobody deleted. Each conversation counts at most
 * {@link #MAX_PER_CONVERSATION} (a client shows "999+"), so a count costs at most that many index
 * entries however far behind a member is.
 */
@Component
class UnreadCounts {

    static final int MAX_PER_CONVERSATION = 1000;

    /** The unread count of the member row {@code m} (chat_members). */
    static final String OF_MEMBER = """
            (select count(*) from (select 1 from chat_messages x
                                   where x.conversation_id = m.conversation_id and x.seq > m.last_read_seq
                                     and x.sender_id is distinct from m.user_id and not x.deleted
                                   limit""" + " " + MAX_PER_CONVERSATION + ") as unread)";

    private final NamedParameterJdbcTemplate jdbc;
    private final ChatPushes pushes;

    UnreadCounts(NamedParameterJdbcTemplate jdbc, ChatPushes pushes) {
        this.jdbc = jdbc;
        this.pushes = pushes;
    }

    long inConversation(UUID conversationId, UUID userId) {
        List<Long> count = jdbc.query("select " + OF_MEMBER + " as unread from chat_members m where m.conversation_id = :id and m.user_id = :user",
                new MapSqlParameterSource("id", conversationId).addValue("user", userId), (row, index) -> row.getLong("unread"));
        return count.isEmpty() ? 0 : count.getFirst();
    }

    /** Each user's unread messages across the conversations they are a member of now. */
    Map<UUID, Long> totals(Collection<UUID> userIds) {
        Map<UUID, Long> totals = new HashMap<>();
        userIds.forEach(user -> totals.put(user, 0L));
        if (userIds.isEmpty()) {
            return totals;
        }
        jdbc.query("select m.user_id, sum(" + OF_MEMBER + ") as total from chat_members m where m.user_id in (:users) and not m.removed "
                        + "group by m.user_id",
                new MapSqlParameterSource("users", new ArrayList<>(userIds)),
                row -> {
                    totals.put(row.getObject("user_id", UUID.class), row.getLong("total"));
                });
        return totals;
    }

    /** Tells each of these users their unread total as it is now ({@code unread.total} {@code {total}}). */
    void push(Collection<UUID> userIds, Instant at) {
        totals(userIds).forEach((user, total) -> pushes.send(user,
                new PushEnvelope(ChatPushes.UNREAD_TOTAL, null, null, at, new UnreadTotal(total))));
    }

    record UnreadTotal(long total) {
    }
}
