package app.soiree.api.social;

public enum FollowEndReason {
    /** The follower unfollowed. */
    UNFOLLOWED,
    /** The followee removed the follower. */
    REMOVED,
    /** One of the two blocked the other. */
    BLOCKED
}
