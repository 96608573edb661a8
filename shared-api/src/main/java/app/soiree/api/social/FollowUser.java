package app.soiree.api.social;

import app.soiree.api.identity.UserId;

/**
 * {@code followerId} follows {@code followeeId}, or asks to when the followee approves followers
 * ({@code approvalRequired}, read from their privacy settings). Following again only changes
 * {@code notifyOnPublish}. Answers the {@link FollowState}.
 */
public record FollowUser(UserId followerId, UserId followeeId, boolean notifyOnPublish, boolean approvalRequired)
        implements RelationshipCommand {

    @Override
    public UserId actorId() {
        return followerId;
    }

    @Override
    public UserId otherId() {
        return followeeId;
    }
}
