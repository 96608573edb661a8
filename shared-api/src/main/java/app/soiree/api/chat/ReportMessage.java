package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

public record ReportMessage(@TargetAggregateIdentifier ConversationId conversationId, MessageId messageId, UUID reportId,
                            UserId reportedBy, ReportReason reason, @Nullable String note) {
}
