package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record MemberUnbanned(ConversationId conversationId, UserId userId, UserId unbannedBy, Instant at) {
}
