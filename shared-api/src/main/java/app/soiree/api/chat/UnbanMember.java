package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnbanMember(@TargetAggregateIdentifier ConversationId conversationId, UserId unbannedBy, boolean support, UserId userId) {
}
