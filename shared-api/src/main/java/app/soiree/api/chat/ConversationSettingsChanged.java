package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The settings as they now stand. {@code changedBy} is null when the platform closed a gathering's chat. */
public record ConversationSettingsChanged(ConversationId conversationId, long seq, @Nullable String title, int slowModeSeconds,
                                          boolean readOnly, @Nullable UserId changedBy, Instant at) implements ConversationChange {
}
