package app.soiree.api.social;

import app.soiree.api.identity.UserId;

/** Ends the follows (and requests) both ways and hides each user from the other; blocking twice changes nothing. */
public record BlockUser(UserId blockerId, UserId blockedId) implements RelationshipCommand {

    @Override
    public UserId actorId() {
        return blockerId;
    }

    @Override
    public UserId otherId() {
        return blockedId;
    }
}
