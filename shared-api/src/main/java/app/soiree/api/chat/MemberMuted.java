package app.soiree.api.chat;

import app.soiree.api.identity.PersonalData;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The member may read but not post until {@code until} (for good when null). */
public record MemberMuted(ConversationId conversationId, UserId userId, @Nullable Instant until, @PersonalData(subject = "userId") String reason, UserId mutedBy,
                          Instant at) {
}
