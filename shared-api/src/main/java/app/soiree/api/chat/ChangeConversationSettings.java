package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Only what is not null changes. */
public record ChangeConversationSettings(@TargetAggregateIdentifier ConversationId conversationId, UserId changedBy, boolean support,
                                         @Nullable String title, @Nullable Integer slowModeSeconds, @Nullable Boolean readOnly) {
}
