package app.soiree.query.chat;

/**
 * What a seq changed in a conversation: the {@code type} of a {@code /changes} item, and of the push
 * that announced it, under the same name, so that a client handles both alike.
 */
enum ChangeType {
    CONVERSATION_UPDATED("conversation.updated"),
    MEMBER_ADDED("member.added"),
    MEMBER_REMOVED("member.removed"),
    MESSAGE_NEW("message.new"),
    MESSAGE_UPDATED("message.updated"),
    MESSAGE_DELETED("message.deleted"),
    REACTION_CHANGED("reaction.changed");

    private final String wireName;

    ChangeType(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    /** Whether a {@code /changes} item of this type carries the message as it is now. */
    boolean aboutAMessage() {
        return this == MESSAGE_NEW || this == MESSAGE_UPDATED || this == MESSAGE_DELETED || this == REACTION_CHANGED;
    }
}
