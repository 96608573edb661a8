package app.soiree.api.social;

import app.soiree.api.identity.UserId;

/** The followee lets a pending request become a follow; 404 when there is no such request. */
public record ApproveFollowRequest(UserId followeeId, UserId followerId) implements RelationshipCommand {

    @Override
    public UserId actorId() {
        return followeeId;
    }

    @Override
    public UserId otherId() {
        return followerId;
    }
}
