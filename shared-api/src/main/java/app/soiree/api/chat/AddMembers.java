package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddMembers(@TargetAggregateIdentifier ConversationId conversationId, UserId addedBy, List<UserId> userIds) {
}
