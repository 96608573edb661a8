package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

public record MemberRemoved(ConversationId conversationId, long seq, UserId userId, RemovalReason reason, @Nullable UserId removedBy,
                            Instant at) implements ConversationChange {
}
