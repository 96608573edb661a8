package app.soiree.api.social;

import app.soiree.api.identity.UserId;
import java.time.Instant;

/** Applied after the {@link FollowEnded} and {@link FollowRequestClosed} events it caused, in the same step. */
public record UserBlocked(RelationshipId relationshipId, UserId blockerId, UserId blockedId, Instant at) {
}
