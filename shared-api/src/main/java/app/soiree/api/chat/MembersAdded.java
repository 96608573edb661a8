package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Members joined: added by a group's owner, or a guest's booking of the gathering was confirmed ({@code addedBy} null). */
public record MembersAdded(ConversationId conversationId, long seq, List<UserId> userIds, @Nullable UserId addedBy, Instant at)
        implements ConversationChange {
}
