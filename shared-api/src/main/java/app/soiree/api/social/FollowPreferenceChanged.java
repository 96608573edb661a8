package app.soiree.api.social;

import app.soiree.api.identity.UserId;
import java.time.Instant;

/** A follower (or one who asked) changed whether they hear of what the followee publishes. */
public record FollowPreferenceChanged(RelationshipId relationshipId, UserId followerId, UserId followeeId, boolean notifyOnPublish,
                                      Instant at) {
}
