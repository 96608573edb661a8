package app.soiree.api.chat;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message, its text sealed under a key of its own. {@code senderId} is null for a
 * {@link MessageType#SYSTEM} message, whose {@code replyToMessageId} names the reminder that fired.
 */
public record MessagePosted(ConversationId conversationId, long seq, MessageId messageId, @Nullable UserId senderId, MessageType type,
                            @Nullable SealedText text, List<UUID> mediaIds, @Nullable GatheringId gatheringId,
                            @Nullable Reminder reminder, @Nullable MessageId replyToMessageId, Instant at)
        implements ConversationChange {
}
