package app.soiree.query.chat;

import app.soiree.api.error.SoireeException;
import app.soiree.query.media.ConversationAudience;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Who is a member of a conversation now. Whoever is not (a stranger, a removed member) is answered as if it did not exist. */
@Component
class CurrentMembers implements ConversationAudience {

    private final NamedParameterJdbcTemplate jdbc;

    CurrentMembers(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<UUID> current(UUID conversationId) {
        return jdbc.query("select user_id from chat_members where conversation_id = :id and not removed order by user_id",
                new MapSqlParameterSource("id", conversationId), (row, index) -> row.getObject("user_id", UUID.class));
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
