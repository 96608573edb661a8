package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A guest's booking of the gathering was confirmed; does nothing if they are a member, or banned. */
public record JoinGatheringConversation(@TargetAggregateIdentifier ConversationId conversationId, UserId guestId) {
}
