package app.soiree.api.chat;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The gathering ended or was cancelled: the conversation turns read-only at {@code at} (by a durable deadline if later). */
public record CloseGatheringConversation(@TargetAggregateIdentifier ConversationId conversationId, Instant at) {
}
