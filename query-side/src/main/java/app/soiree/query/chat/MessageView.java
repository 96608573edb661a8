package app.soiree.query.chat;

import app.soiree.api.chat.MessageId;
import app.soiree.api.chat.MessageType;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringStatus;
import app.soiree.api.identity.UserId;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The API's {@code Message}, as one member sees it ({@code reactions[].mine} is theirs). A deleted
 * message keeps its place, sender and times; its text, media and reminder text are gone. A hidden one
 * ({@code hidden}: its sender is someone the member blocked) keeps its place, sender and times too, and
 * shows nothing else; {@code hidden} is written only when true.
 */
record MessageView(MessageId messageId, long seq, @Nullable UserId senderId, MessageType type, @Nullable String text,
                   @Nullable List<Media> media, @Nullable GatheringCard gathering, @Nullable ReminderView reminder,
                   @Nullable MessageId replyToMessageId, List<Reaction> reactions, @Nullable Instant editedAt, boolean deleted,
                   Instant createdAt, @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean hidden) {

    /** A ready medium of the message: its kind, an image's size, a voice note's duration; its bytes are at {@code /api/media/{id}}. */
    record Media(UUID mediaId, @Nullable String kind, @Nullable Integer width, @Nullable Integer height, @Nullable Long durationMs) {
    }

    /** The gathering as it is now; only its id when the gatherings read model does not (yet) know it. */
    record GatheringCard(GatheringId gatheringId, @Nullable String title, @Nullable Instant startsAt, @Nullable GatheringStatus status) {
    }

    record ReminderView(Instant at, @Nullable String text, @Nullable Instant firedAt) {
    }

    record Reaction(String emoji, int count, boolean mine) {
    }

    MessageView withReactions(List<Reaction> reactions) {
        return new MessageView(messageId, seq, senderId, type, text, media, gathering, reminder, replyToMessageId, reactions, editedAt,
                deleted, createdAt, hidden);
    }

    /** As a member who blocked its sender sees it: its place in the conversation and nothing of what it says. */
    MessageView hiddenFromBlocker() {
        return new MessageView(messageId, seq, senderId, type, null, null, null, null, null, List.of(), editedAt, deleted, createdAt, true);
    }
}
