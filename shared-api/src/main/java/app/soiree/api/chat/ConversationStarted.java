package app.soiree.api.chat;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A conversation began with its first members (seq 1). {@code ownerId} is the group's creator or the
 * gathering's host; a direct conversation has none. A gathering's conversation has no title of its
 * own: it is shown with the gathering's.
 */
public record ConversationStarted(ConversationId conversationId, long seq, ConversationKind kind, @Nullable String title,
                                  @Nullable GatheringId gatheringId, @Nullable UserId ownerId, List<UserId> memberIds,
                                  Instant at) implements ConversationChange {
}
