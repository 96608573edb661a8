package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A report as support sees it in the queue: the reported message as it stands now ({@code text} is
 * null once it was deleted), where it was written, who wrote and who reported it, and whether it is
 * settled. {@code conversationTitle} is a group's own title or a gathering's; a direct conversation has none.
 */
public record MessageReportSummary(UUID reportId, ConversationId conversationId, ConversationKind conversationKind,
                                   @Nullable String conversationTitle, MessageId messageId,
                                   @Nullable MessageType messageType, @Nullable String text, boolean messageDeleted,
                                   @Nullable UserId authorId, @Nullable String authorName, UserId reportedBy,
                                   @Nullable String reporterName, ReportReason reason, @Nullable String note, Instant reportedAt,
                                   MessageReportStatus status, @Nullable ReportHandling handledBecause, @Nullable Instant handledAt) {
}
