package app.soiree.api.social;

import app.soiree.api.identity.UserId;
import java.time.Instant;

/** A follow began: at once, or when the followee approved the request ({@code approvedRequest}). */
public record UserFollowed(RelationshipId relationshipId, UserId followerId, UserId followeeId, boolean notifyOnPublish,
                           boolean approvedRequest, Instant at) {
}
