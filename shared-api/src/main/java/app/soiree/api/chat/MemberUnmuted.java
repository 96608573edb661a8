package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record MemberUnmuted(ConversationId conversationId, UserId userId, UserId unmutedBy, Instant at) {
}
