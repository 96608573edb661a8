package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** By a gathering's host, a group's owner or support. */
public record MuteMember(@TargetAggregateIdentifier ConversationId conversationId, UserId mutedBy, boolean support, UserId userId,
                         @Nullable Instant until, String reason) {
}
