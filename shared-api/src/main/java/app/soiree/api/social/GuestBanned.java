package app.soiree.api.social;

import app.soiree.api.identity.PersonalData;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The host's own note on why; the guest is not told it. */
public record GuestBanned(RelationshipId relationshipId, UserId hostId, UserId guestId, @PersonalData(subject = "guestId") @Nullable String reason, Instant at) {
}
