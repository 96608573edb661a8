package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** By its author, the host of a gathering's conversation, or support ({@code support}). */
public record DeleteMessage(@TargetAggregateIdentifier ConversationId conversationId, MessageId messageId, UserId deletedBy,
                            boolean support) {
}
