package app.soiree.api.social;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record UserUnblocked(RelationshipId relationshipId, UserId blockerId, UserId blockedId, Instant at) {
}
