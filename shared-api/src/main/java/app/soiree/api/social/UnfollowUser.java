package app.soiree.api.social;

import app.soiree.api.identity.UserId;

/** Stops following, or withdraws a request; nothing when there is neither. */
public record UnfollowUser(UserId followerId, UserId followeeId) implements RelationshipCommand {

    @Override
    public UserId actorId() {
        return followerId;
    }

    @Override
    public UserId otherId() {
        return followeeId;
    }
}
