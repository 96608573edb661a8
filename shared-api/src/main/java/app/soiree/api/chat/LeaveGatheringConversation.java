package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A guest's last confirmed booking of the gathering ended; does nothing if they are not a member. */
public record LeaveGatheringConversation(@TargetAggregateIdentifier ConversationId conversationId, UserId guestId) {
}
