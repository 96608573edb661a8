package app.soiree.query.chat;

import app.soiree.api.chat.ConversationChange;
import app.soiree.api.identity.UserId;
import app.soiree.query.realtime.PushEnvelope;
import app.soiree.query.realtime.UserPush;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Hands chat's envelopes to {@link UserPush}, which sends them once the current transaction has
 * committed. Where no {@link UserPush} exists (the query side's own tests; a build without the
 * realtime endpoint) nothing is sent and it says so once: the read model is the truth, pushes only
 * tell clients to look.
 */
@Component
class ChatPushes {

    static final String READ_UPDATED = "read.updated";
    static final String TYPING = "typing";
    static final String UNREAD_TOTAL = "unread.total";
    static final String ERROR = "error";

    private static final Logger log = LoggerFactory.getLogger(ChatPushes.class);

    /** Resolved at the first push, not for each: a message is pushed to every member. */
    private final SingletonSupplier<UserPush> userPush;
    private final AtomicBoolean saidNothingIsSent = new AtomicBoolean();

    ChatPushes(ObjectProvider<UserPush> userPush) {
        this.userPush = SingletonSupplier.of(userPush::getIfAvailable);
    }

    /** A change of a conversation, the same data for each of {@code members}. */
    void change(ConversationChange change, ChangeType type, Collection<UUID> members, Object data) {
        send(members, new PushEnvelope(type.wireName(), change.conversationId().value(), change.seq(), change.at(), data));
    }

    /** A change of a message, which each member sees as their own {@link MessageView}. */
    void change(ConversationChange change, ChangeType type, Map<UUID, MessageView> viewPerMember) {
        // Most members share one rendering (those who reacted have their own): one envelope for each.
        Map<MessageView, List<UUID>> membersPerView = new IdentityHashMap<>();
        viewPerMember.forEach((member, view) -> membersPerView.computeIfAbsent(view, shared -> new ArrayList<>()).add(member));
        membersPerView.forEach((view, members) -> send(members,
                new PushEnvelope(type.wireName(), change.conversationId().value(), change.seq(), change.at(), view)));
    }

    void send(Collection<UUID> users, PushEnvelope envelope) {
        UserPush push = userPush.get();
        if (push == null) {
            users.forEach(user -> send(user, envelope));
            return;
        }
        push.push(users.stream().map(UserId::new).toList(), envelope);
    }

    void send(UUID user, PushEnvelope envelope) {
        UserPush push = userPush.get();
        if (push == null) {
            if (saidNothingIsSent.compareAndSet(false, true)) {
                log.warn("No UserPush in this process: chat changes are stored but not pushed to sockets");
            }
            return;
        }
        push.push(new UserId(user), envelope);
    }
}
