package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EditMessage(@TargetAggregateIdentifier ConversationId conversationId, MessageId messageId, UserId editorId,
                          SealedText text) {
}
