package app.soiree.query.chat;

import app.soiree.api.chat.ConversationId;
import app.soiree.api.chat.ConversationKind;
import app.soiree.api.chat.MessageId;
import app.soiree.api.chat.MessageType;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An item of {@code GET /api/me/conversations}. {@code removed} is true only in a sync
 * ({@code updatedSince}) for a conversation the user is no longer a member of: the client drops it;
 * such an item tells nothing that happened after the removal.
 */
record ConversationSummary(ConversationId conversationId, ConversationKind kind, @Nullable String title, @Nullable GatheringId gatheringId,
                           int memberCount, @Nullable LastMessage lastMessage, long lastSeq, long lastReadSeq, long unreadCount,
                           boolean muted, boolean removed) {

    /** The newest message, in short; a deleted one shows as deleted, without text. */
    record LastMessage(MessageId messageId, long seq, @Nullable UserId senderId, MessageType type, @Nullable String text, boolean deleted,
                       Instant createdAt) {
    }
}
