package app.soiree.api.chat;

public enum ConversationKind {
    /** Exactly one per pair of users. */
    DIRECT,
    /** One per published gathering; its members follow the gathering's confirmed bookings. */
    GATHERING,
    /** Created by a user, who owns it; at most {@link ConversationRules#MAX_GROUP_MEMBERS} members. */
    GROUP
}
