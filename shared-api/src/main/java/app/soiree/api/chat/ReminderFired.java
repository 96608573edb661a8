package app.soiree.api.chat;

import java.time.Instant;

/** A reminder message's time came (a durable deadline); a {@link MessageType#SYSTEM} message follows with the next seq. */
public record ReminderFired(ConversationId conversationId, long seq, MessageId messageId, Instant at) implements ConversationChange {
}
