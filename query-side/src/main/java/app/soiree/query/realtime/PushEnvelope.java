package app.soiree.query.realtime;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What arrives on {@code /user/queue/events}: {@code {type, conversationId?, seq?, at, data}}.
 * Types: {@code message.new}, {@code message.updated}, {@code message.deleted}, {@code reaction.changed},
 * {@code member.added}, {@code member.removed}, {@code conversation.updated}, {@code read.updated},
 * {@code typing}, {@code unread.total}, {@code notification.new}, {@code media.ready},
 * {@code media.rejected}, {@code resync.required}, and {@code error} (a refused socket input).
 */
public record PushEnvelope(String type, @Nullable UUID conversationId, @Nullable Long seq, Instant at, Object data) {
}
