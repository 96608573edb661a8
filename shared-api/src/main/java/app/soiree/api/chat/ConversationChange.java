package app.soiree.api.chat;

import java.time.Instant;

/**
 * An event members can see. Each carries the next number of its conversation's gapless
 * {@code seq}, which clients use to resume exactly where they stopped.
 */
public interface ConversationChange {

    ConversationId conversationId();

    long seq();

    Instant at();
}
