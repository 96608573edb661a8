package app.soiree.query.chat;

import app.soiree.api.error.SoireeException;
import app.soiree.query.media.ConversationAudience;
import app.soiree.query.realtime.UserPush;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/** Who is a member of a conversation now. Whoever is not (a stranger, a removed member) is answered as if it did not exist. */
@Component
class CurrentMembers implements ConversationAudience {

    private final NamedParameterJdbcTemplate jdbc;
    private final SingletonSupplier<UserPush> push;

    CurrentMembers(NamedParameterJdbcTemplate jdbc, ObjectProvider<UserPush> push) {
        this.jdbc = jdbc;
        this.push = SingletonSupplier.of(push::getIfAvailable);
    }

    private List<UUID> current(UUID conversationId) {
        return jdbc.query("select user_id from chat_members where conversation_id = :id and not removed order by user_id",
                new MapSqlParameterSource("id", conversationId), (row, index) -> row.getObject("user_id", UUID.class));
    }

    /**
     * The members a change is pushed to: where this process knows who has a socket ({@link UserPush#connectedUsers()}),
     * the members among them, read through the member index by the online users when they are fewer than the members;
     * elsewhere every member. So a guest joining a gathering chat of 30,000 members, most of them offline, costs what
     * its online members cost, not a read of all 30,000 (quadratic over the gathering's bookings), and a keystroke's
     * typing push the same. Members without a socket hear nothing either way: they catch up by the changes.
     */
    List<UUID> toTell(UUID conversationId) {
        UserPush users = push.get();
        Optional<Set<String>> online = users == null ? Optional.empty() : users.connectedUsers();
        if (online.isEmpty()) {
            return current(conversationId);
        }
        if (online.get().isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", conversationId);
        List<Integer> count = jdbc.queryForList("select member_count from chat_conversations where conversation_id = :id",
                parameters, Integer.class);
        if (count.isEmpty() || count.getFirst() <= online.get().size()) {
            return current(conversationId);
        }
        return jdbc.query("""
                        select user_id from chat_members
                        where conversation_id = :id and user_id = any(cast(:online as uuid[])) and not removed order by user_id""",
                parameters.addValue("online", online.get().toArray(String[]::new)), (row, index) -> row.getObject("user_id", UUID.class));
    }

    /** A message's media are seen by whoever sees the message: the conversation's members. */
    @Override
    public boolean canSee(UUID conversationId, UUID userId) {
        return isMember(conversationId, userId);
    }

    boolean isMember(UUID conversationId, UUID userId) {
        Boolean member = jdbc.queryForObject("""
                        select exists (select 1 from chat_members where conversation_id = :id and user_id = :user and not removed)""",
                new MapSqlParameterSource("id", conversationId).addValue("user", userId), Boolean.class);
        return Boolean.TRUE.equals(member);
    }

    void requireMember(UUID conversationId, UUID userId) {
        if (!isMember(conversationId, userId)) {
            throw notFound(conversationId);
        }
    }

    static SoireeException notFound(UUID conversationId) {
        return SoireeException.notFound("Conversation " + conversationId);
    }
}
