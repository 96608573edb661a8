package app.soiree.api.social;

import app.soiree.api.identity.UserId;
import java.time.Instant;

/** Asked to follow a user who approves their followers. */
public record FollowRequested(RelationshipId relationshipId, UserId followerId, UserId followeeId, boolean notifyOnPublish, Instant at) {
}
