package app.soiree.query.chat;

import app.soiree.api.chat.ChatDigest;
import app.soiree.api.chat.ConversationKind;
import app.soiree.api.chat.FindChatDigest;
import app.soiree.api.identity.UserId;
import app.soiree.query.gathering.GatheringCard;
import app.soiree.query.gathering.GatheringCards;
import app.soiree.query.identity.DisplayNames;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

/**
 * Answers who, in a conversation, has messages waiting and is away: their unread count comes from the chat read model,
 * and whether they are connected from the socket's user registry (every replica's users, with the broker relay).
 */
@Component
class ChatDigests {

    private final JdbcTemplate jdbc;
    private final DisplayNames displayNames;
    private final GatheringCards gatheringCards;
    private final ObjectProvider<SimpUserRegistry> connected;

    ChatDigests(JdbcTemplate jdbc, DisplayNames displayNames, GatheringCards gatheringCards, ObjectProvider<SimpUserRegistry> connected) {
        this.jdbc = jdbc;
        this.displayNames = displayNames;
        this.gatheringCards = gatheringCards;
        this.connected = connected;
    }

    @QueryHandler
    @Nullable ChatDigest handle(FindChatDigest query) {
        UUID id = query.conversationId().value();
        List<Map<String, Object>> conversation = jdbc.queryForList("""
                select c.kind, c.title, c.gathering_id, x.sender_id from chat_conversations c
                left join chat_messages x on x.message_id = c.last_message_id where c.conversation_id = ?
                """, id);
        if (conversation.isEmpty()) {
            return null;
        }
        Map<String, Object> row = conversation.getFirst();
        ConversationKind kind = ConversationKind.valueOf((String) row.get("kind"));
        String title = kind == ConversationKind.GATHERING && row.get("gathering_id") != null
                ? titleOf((UUID) row.get("gathering_id")) : (String) row.get("title");
        UUID author = (UUID) row.get("sender_id");
        SimpUserRegistry registry = connected.getIfAvailable();
        List<ChatDigest.Away> away = jdbc.query("""
                        select user_id, unread, last_read_seq from (
                            select m.user_id,""" + " " + UnreadCounts.OF_MEMBER + """
                         as unread, m.last_read_seq from chat_members m where m.conversation_id = ? and not m.removed and m.unread > 0
                        ) counted where unread > 0
                        """, (rs, n) -> new ChatDigest.Away(new UserId(rs.getObject(1, UUID.class)), rs.getLong(2), rs.getLong(3)), id)
                .stream().filter(member -> registry == null || registry.getUser(member.userId().toString()) == null).toList();
        return new ChatDigest(kind, title, author == null ? null : new UserId(author),
                author == null ? null : displayNames.of(List.of(author)).get(author), away);
    }

    private @Nullable String titleOf(UUID gatheringId) {
        GatheringCard card = gatheringCards.of(List.of(gatheringId)).get(gatheringId);
        return card == null ? null : card.title();
    }
}
