package app.soiree.api.social;

/** How a pending follow request ended without becoming a follow (an approval is a {@link UserFollowed}). */
public enum FollowRequestOutcome {
    WITHDRAWN,
    REJECTED,
    BLOCKED
}
