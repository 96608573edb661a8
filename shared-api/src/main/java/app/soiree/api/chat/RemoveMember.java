package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A group's owner removes a member, or a member ({@code removedBy} == {@code userId}) leaves. */
public record RemoveMember(@TargetAggregateIdentifier ConversationId conversationId, UserId removedBy, UserId userId) {
}
