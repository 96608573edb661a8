package app.soiree.api.chat;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Answered with the message's {@code seq}. The text is sealed by the caller under the message's own key. */
public record PostMessage(@TargetAggregateIdentifier ConversationId conversationId, MessageId messageId, UserId senderId,
                          boolean support, MessageType type, @Nullable SealedText text, List<UUID> mediaIds,
                          @Nullable GatheringId gatheringId, @Nullable Reminder reminder, @Nullable MessageId replyToMessageId) {
}
