package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Idempotent per user and emoji. */
public record AddReaction(@TargetAggregateIdentifier ConversationId conversationId, MessageId messageId, UserId userId, String emoji) {
}
