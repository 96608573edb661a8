package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The message is gone: its key is destroyed, so its text cannot be read from any event, and every
 * read model erases it. Who deleted it and when stay. {@code mediaIds} are to be deleted with it.
 */
public record MessageDeleted(ConversationId conversationId, long seq, MessageId messageId, UserId deletedBy, List<UUID> mediaIds,
                             Instant at) implements ConversationChange {
}
