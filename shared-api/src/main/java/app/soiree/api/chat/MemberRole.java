package app.soiree.api.chat;

public enum MemberRole {
    /** The creator of a group. */
    OWNER,
    /** The host of a gathering's conversation. */
    HOST,
    MEMBER
}
