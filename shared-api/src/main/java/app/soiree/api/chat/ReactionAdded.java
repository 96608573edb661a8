package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record ReactionAdded(ConversationId conversationId, long seq, MessageId messageId, UserId userId, String emoji, Instant at)
        implements ConversationChange {
}
