package app.soiree.api.chat;

/**
 * Who in a conversation has messages waiting while away from the app: the chat notification asks this when a digest
 * falls due, so that someone who read meanwhile, or is connected right now, is not told. Answers a {@link ChatDigest}.
 */
public record FindChatDigest(ConversationId conversationId) {
}
