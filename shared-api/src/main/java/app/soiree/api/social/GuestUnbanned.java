package app.soiree.api.social;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record GuestUnbanned(RelationshipId relationshipId, UserId hostId, UserId guestId, Instant at) {
}
