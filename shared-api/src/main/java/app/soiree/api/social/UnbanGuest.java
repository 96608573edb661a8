package app.soiree.api.social;

import app.soiree.api.identity.UserId;

public record UnbanGuest(UserId hostId, UserId guestId) implements RelationshipCommand {

    @Override
    public UserId actorId() {
        return hostId;
    }

    @Override
    public UserId otherId() {
        return guestId;
    }
}
