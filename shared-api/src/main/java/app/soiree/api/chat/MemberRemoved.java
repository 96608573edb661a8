package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A member is gone. When a group's owner leaves, {@code newOwnerId} names the longest-standing member,
 * who owns the group from now on.
 */
public record MemberRemoved(ConversationId conversationId, long seq, UserId userId, RemovalReason reason, @Nullable UserId removedBy,
                            @Nullable UserId newOwnerId, Instant at) implements ConversationChange {
}
