package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens the direct conversation of two users ({@link ConversationId#direct}); answered with
 * {@code true} when it began now, {@code false} when it already existed.
 */
public record StartDirectConversation(@TargetAggregateIdentifier ConversationId conversationId, UserId requestedBy, UserId otherUserId) {
}
