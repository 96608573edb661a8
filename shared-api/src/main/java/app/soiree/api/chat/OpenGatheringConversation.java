package app.soiree.api.chat;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent when a gathering is published; does nothing if its conversation exists. */
public record OpenGatheringConversation(@TargetAggregateIdentifier ConversationId conversationId, GatheringId gatheringId,
                                        UserId hostId) {
}
