package app.soiree.api.chat;

/** Why a member left a conversation. */
public enum RemovalReason {
    /** The member left by themselves. */
    LEFT,
    /** A group's owner removed them. */
    REMOVED,
    /** Banned from the conversation by its owner, its host or support. */
    BANNED,
    /** Their last confirmed booking of the gathering ended (cancelled, expired or refunded). */
    BOOKING_ENDED
}
