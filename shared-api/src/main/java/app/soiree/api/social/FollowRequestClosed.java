package app.soiree.api.social;

import app.soiree.api.identity.UserId;
import java.time.Instant;

/** A pending request ended without becoming a follow. */
public record FollowRequestClosed(RelationshipId relationshipId, UserId followerId, UserId followeeId, FollowRequestOutcome outcome,
                                  Instant at) {
}
