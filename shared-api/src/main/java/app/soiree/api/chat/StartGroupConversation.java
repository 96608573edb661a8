package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A group owned by its creator, who is a member with {@code memberIds}. */
public record StartGroupConversation(@TargetAggregateIdentifier ConversationId conversationId, UserId ownerId, String title,
                                     List<UserId> memberIds) {
}
