package app.soiree.api.social;

import app.soiree.api.identity.UserId;

/** The followee turns a pending request down; 404 when there is no such request. */
public record RejectFollowRequest(UserId followeeId, UserId followerId) implements RelationshipCommand {

    @Override
    public UserId actorId() {
        return followeeId;
    }

    @Override
    public UserId otherId() {
        return followerId;
    }
}
