package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A message for staff: {@code text} is null when it has none or was deleted; {@code senderId} is null for a system message. */
public record ChatMessageSummary(MessageId messageId, long seq, @Nullable UserId senderId, @Nullable String senderName, MessageType type,
                                 @Nullable String text, boolean deleted, Instant createdAt) {
}
