package app.soiree.query.media;

import java.util.UUID;

/**
 * Whether a user may see what is posted in a conversation: the chat context answers (it knows the members), so that a
 * medium attached to a message is seen by exactly those who see the message.
 */
public interface ConversationAudience {

    boolean canSee(UUID conversationId, UUID userId);
}
