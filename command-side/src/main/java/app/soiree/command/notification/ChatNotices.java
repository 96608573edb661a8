package app.soiree.command.notification;

import app.soiree.api.chat.ChatDigest;
import app.soiree.api.chat.ConversationId;
import app.soiree.api.chat.FindChatDigest;
import app.soiree.api.chat.MessagePosted;
import app.soiree.api.notification.NotificationContent;
import app.soiree.api.notification.NotificationKind;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chat messages waiting for someone who is away: one digest per conversation and reader, a while
 * ({@code soiree.notifications.chat-digest-after}) after the first unread message, and none for whoever read meanwhile
 * or is connected when it falls due. A message marks its conversation for a check; the check, due then, asks the chat
 * read model who is still behind. A reader is told once per position of their read marker, however many messages
 * follow, so a busy conversation is one notification, not one per message. Message text never goes into a
 * notification: it is erasable, and a notification is not.
 */
@Component
@ProcessingGroup(NotificationPlanner.PROCESSING_GROUP)
class ChatNotices {

    private static final Logger log = LoggerFactory.getLogger(ChatNotices.class);

    private final JdbcTemplate jdbc;
    private final QueryGateway queries;
    private final NotificationPlanner planner;
    private final NotificationsProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ChatNotices(JdbcTemplate jdbc, QueryGateway queries, NotificationPlanner planner, NotificationsProperties properties,
                TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.planner = planner;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventHandler
    void on(MessagePosted event) {
        if (event.senderId() == null) {
            return; // a system message (a reminder firing) tells everyone at once anyway
        }
        jdbc.update("insert into notification_chat_digests (conversation_id, due_at) values (?, ?) on conflict do nothing",
                event.conversationId().value(), Timestamp.from(event.at().plus(properties.chatDigestAfter())));
    }

    /** Takes the checks that are due (each by one replica only) and tells those still away. */
    @Scheduled(fixedDelayString = "${soiree.notifications.chat-digest-poll:PT15S}")
    void sendDueDigests() {
        List<UUID> due = transactions.execute(status -> jdbc.queryForList("""
                delete from notification_chat_digests where conversation_id in (
                    select conversation_id from notification_chat_digests where due_at <= ? order by due_at limit 100 for update skip locked)
                returning conversation_id
                """, UUID.class, Timestamp.from(clock.instant())));
        for (UUID conversationId : due == null ? List.<UUID>of() : due) {
            try {
                digest(new ConversationId(conversationId));
            } catch (RuntimeException failure) {
                // back in the queue for the next round; a digest is planned once per marker position, so a retry repeats nothing
                log.warn("Chat digest for conversation {} failed; retried later", conversationId, failure);
                jdbc.update("insert into notification_chat_digests (conversation_id, due_at) values (?, ?) on conflict do nothing",
                        conversationId, Timestamp.from(clock.instant().plus(properties.chatDigestAfter())));
            }
        }
    }

    private void digest(ConversationId conversationId) {
        ChatDigest digest = queries.query(new FindChatDigest(conversationId), ResponseTypes.instanceOf(ChatDigest.class)).join();
        if (digest == null) {
            return;
        }
        Instant now = clock.instant();
        for (ChatDigest.Away reader : digest.away()) {
            Map<String, String> data = new HashMap<>();
            data.put("conversationId", conversationId.toString());
            data.put("count", String.valueOf(reader.unread()));
            data.put("conversationTitle", digest.title() != null ? digest.title() : String.valueOf(digest.lastAuthorName()));
            if (digest.lastAuthorName() != null) {
                data.put(NotificationContent.ACTOR_NAME, digest.lastAuthorName());
            }
            if (digest.lastAuthorId() != null) {
                data.put(NotificationContent.ACTOR_ID, digest.lastAuthorId().toString());
            }
            NotificationDraft draft = NotificationDraft.now("chat-digest:" + conversationId + ":" + reader.lastReadSeq(), reader.userId(),
                    NotificationKind.CHAT_UNREAD, data, "/conversations/" + conversationId, now);
            planner.plan(digest.lastAuthorId() != null ? draft.by(digest.lastAuthorId()) : draft);
        }
    }
}
