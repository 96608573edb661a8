package app.soiree.api.social;

import app.soiree.api.identity.UserId;

/** The followee ends someone's follow of them; nothing when they do not follow. */
public record RemoveFollower(UserId followeeId, UserId followerId) implements RelationshipCommand {

    @Override
    public UserId actorId() {
        return followeeId;
    }

    @Override
    public UserId otherId() {
        return followerId;
    }
}
