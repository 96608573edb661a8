package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnmuteMember(@TargetAggregateIdentifier ConversationId conversationId, UserId unmutedBy, boolean support, UserId userId) {
}
