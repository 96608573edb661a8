package app.soiree.api.chat;

import app.soiree.api.identity.PersonalData;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member reported a message to support. Members do not see reports, so it takes no seq. */
public record MessageReported(ConversationId conversationId, MessageId messageId, UUID reportId, UserId reportedBy,
                              @Nullable UserId author, ReportReason reason, @PersonalData(subject = "reportedBy") @Nullable String note, Instant at) {
}
