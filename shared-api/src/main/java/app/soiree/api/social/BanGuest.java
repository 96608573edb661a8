package app.soiree.api.social;

import app.soiree.api.identity.UserId;
import org.jspecify.annotations.Nullable;

/** A host bars a user from booking their gatherings from now on (bookings already made stand). */
public record BanGuest(UserId hostId, UserId guestId, @Nullable String reason) implements RelationshipCommand {

    @Override
    public UserId actorId() {
        return hostId;
    }

    @Override
    public UserId otherId() {
        return guestId;
    }
}
