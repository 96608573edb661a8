package app.soiree.query.chat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Unread counts: a member's unread messages in a conversation are those after their read marker that
 * others sent and nobody deleted. Each member row keeps that number ({@code chat_members.unread}),
 * moved in the same transaction as the change that moves it, by exactly the change's effect: a message
 * posted counts for every other member, a deletion takes it back from those it counted for, a read
 * marker counts again from the messages after it. The projection applies each change exactly once (its
 * seq), and every writer holds the conversation's row while it writes (the projection's seq claim; a
 * read marker's {@code FOR SHARE}), so the number cannot drift from the messages: {@link #COUNTED} is the
 * same count made from the messages, which the tests compare with it.
 * <p>
 * So a message costs one statement for all its members, and a user's total is a sum over their member
 * rows, however many messages are unread. Each conversation shows at most {@link #MAX_PER_CONVERSATION}
 * (a client shows "999+").
 */
@Component
class UnreadCounts {

    static final int MAX_PER_CONVERSATION = 1000;

    /**
     * The unread messages of the member row {@code m} that come from someone the member blocked. The counter keeps counting
     * them (a block that comes or goes would otherwise mean recounting the blocker's conversations, racing the posts being
     * counted); what members are shown leaves them out, as it leaves out their text. A member who blocked nobody costs one
     * probe of their (empty) blocks.
     */
    static final String FROM_BLOCKED = """
            (select count(*) from user_blocks b
             join chat_messages x on x.conversation_id = m.conversation_id and x.sender_id = b.blocked_id
             where b.blocker_id = m.user_id and x.seq > m.last_read_seq and not x.deleted)""";

    /** The unread count of the member row {@code m} (chat_members), as members are shown it: none from whom they blocked. */
    static final String OF_MEMBER = "least(m.unread - " + FROM_BLOCKED + ", " + MAX_PER_CONVERSATION + ")";

    /** The same count made from the messages themselves, for the member row {@code m} and its read marker. */
    static final String COUNTED = """
            (select count(*) from chat_messages x
             where x.conversation_id = m.conversation_id and x.seq > m.last_read_seq
               and x.sender_id is distinct from m.user_id and not x.deleted)""";

    /**
     * A message was posted (its seq claimed in this transaction): it is unread for every current member
     * of {@code :conversation} but {@code :sender}. Returns every current member, the sender too (who is
     * told of the message all the same). {@link MessageProjection} runs it with the message's insert.
     */
    static final String POSTED = """
            update chat_members set unread = unread + case when user_id is distinct from :sender then 1 else 0 end
            where conversation_id = :conversation and not removed
            returning user_id""";

    private final NamedParameterJdbcTemplate jdbc;

    UnreadCounts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A message is being deleted (its seq claimed in this transaction, the row not yet marked): it stops
     * counting for the members it counted for, who are returned.
     */
    List<UUID> deleting(UUID messageId) {
        return jdbc.query("""
                        update chat_members m set unread = m.unread - 1
                        from chat_messages x
                        where x.message_id = :message and m.conversation_id = x.conversation_id and not m.removed and not x.deleted
                          and m.last_read_seq < x.seq and x.sender_id is distinct from m.user_id
                        returning m.user_id""",
                new MapSqlParameterSource("message", messageId), (row, index) -> row.getObject("user_id", UUID.class));
    }

    long inConversation(UUID conversationId, UUID userId) {
        List<Long> count = jdbc.query("select unread from chat_members where conversation_id = :id and user_id = :user and not removed",
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

    /**
     * {@code unread.total}'s data for chat: {@code scope} tells it from the notification inbox's count, which comes as
     * {@code unread.total} too ({@code {scope: "NOTIFICATIONS", count}}).
     */
    record UnreadTotal(String scope, long total) {

        static final String SCOPE = "CHAT";

        UnreadTotal(long total) {
            this(SCOPE, total);
        }
    }
}
