package app.soiree.api.social;

/** Where a follow stands: following, or asked and waiting for the followed user's approval. */
public enum FollowState {
    FOLLOWING,
    REQUESTED
}
