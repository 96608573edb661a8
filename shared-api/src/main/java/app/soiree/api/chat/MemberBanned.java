package app.soiree.api.chat;

import app.soiree.api.identity.PersonalData;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The user may not take part until {@code until} (for good when null): removed at once, and not
 * let back in by a group's owner nor by a booking. A {@link MemberRemoved} follows if they were a member.
 */
public record MemberBanned(ConversationId conversationId, UserId userId, @Nullable Instant until, @PersonalData(subject = "userId") String reason, UserId bannedBy,
                           Instant at) {
}
