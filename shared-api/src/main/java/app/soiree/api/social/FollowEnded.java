package app.soiree.api.social;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record FollowEnded(RelationshipId relationshipId, UserId followerId, UserId followeeId, FollowEndReason reason, Instant at) {
}
