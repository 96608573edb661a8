package app.soiree.api.chat;

import java.time.Instant;

/** The author replaced the text, sealed under the message's own key. */
public record MessageEdited(ConversationId conversationId, long seq, MessageId messageId, SealedText text, Instant at)
        implements ConversationChange {
}
