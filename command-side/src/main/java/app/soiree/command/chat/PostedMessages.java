package app.soiree.command.chat;

import app.soiree.api.chat.MessageId;
import app.soiree.api.chat.MessageType;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the conversation must remember of each message to decide on later commands: who wrote it and
 * when (edits, deletions), whether it is gone, its media (deleted with it), who reacted with what
 * (reactions are idempotent) and who reported it (once each). Never its text.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
class PostedMessages {

    private Map<UUID, Posted> messages = new HashMap<>();

    Posted require(MessageId messageId) {
        Posted posted = messages.get(messageId.value());
        if (posted == null || posted.deleted) {
            throw SoireeException.notFound("Message " + messageId);
        }
        return posted;
    }

    boolean exists(MessageId messageId) {
        return messages.containsKey(messageId.value());
    }

    boolean isDeleted(MessageId messageId) {
        Posted posted = messages.get(messageId.value());
        return posted != null && posted.deleted;
    }

    /** Whether the message is a reminder that has neither fired nor been deleted (a delete clears it). */
    boolean reminderPending(MessageId messageId) {
        Posted posted = messages.get(messageId.value());
        return posted != null && posted.reminderPending;
    }

    void posted(MessageId messageId, long seq, @Nullable UserId author, MessageType type, List<UUID> mediaIds, Instant at,
                boolean reminderPending) {
        messages.put(messageId.value(), new Posted(seq, author == null ? null : author.value(), type, List.copyOf(mediaIds), at,
                reminderPending));
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
    static final class Posted {
        private long seq;
        private @Nullable UUID author;
        private MessageType type;
        private List<UUID> mediaIds;
        private Instant postedAt;
        private boolean reminderPending;
        private boolean deleted;
        private Set<String> reactions = new HashSet<>();
        private Set<UUID> reporters = new HashSet<>();

        private Posted() {
            // for snapshots
        }

        private Posted(long seq, @Nullable UUID author, MessageType type, List<UUID> mediaIds, Instant postedAt, boolean reminderPending) {
            this.seq = seq;
            this.author = author;
            this.type = type;
            this.mediaIds = mediaIds;
            this.postedAt = postedAt;
            this.reminderPending = reminderPending;
        }

        boolean isBy(UserId userId) {
            return userId.value().equals(author);
        }

        @Nullable UserId author() {
            return author == null ? null : new UserId(author);
        }

        /** Its place in the conversation's changes. */
        long seq() {
            return seq;
        }

        MessageType type() {
            return type;
        }

        Instant postedAt() {
            return postedAt;
        }

        List<UUID> mediaIds() {
            return mediaIds;
        }

        boolean hasReaction(UserId userId, String emoji) {
            return reactions.contains(reactionKey(userId, emoji));
        }

        boolean reportedBy(UserId userId) {
            return reporters.contains(userId.value());
        }

        void react(UserId userId, String emoji, boolean added) {
            if (added) {
                reactions.add(reactionKey(userId, emoji));
            } else {
                reactions.remove(reactionKey(userId, emoji));
            }
        }

        void reported(UserId userId) {
            reporters.add(userId.value());
        }

        void reminderFired() {
            reminderPending = false;
        }

        void delete() {
            deleted = true;
            reminderPending = false;
            reactions.clear();
        }

        // Compared by value: Axon's test fixture checks that sourcing the events rebuilds the same state.
        @Override
        public boolean equals(Object other) {
            return other instanceof Posted that && Objects.equals(author, that.author) && type == that.type
                    && mediaIds.equals(that.mediaIds) && postedAt.equals(that.postedAt) && reminderPending == that.reminderPending
                    && deleted == that.deleted && reactions.equals(that.reactions) && reporters.equals(that.reporters);
        }

        @Override
        public int hashCode() {
            return Objects.hash(author, postedAt);
        }

        private static String reactionKey(UserId userId, String emoji) {
            return userId + " " + emoji;
        }
    }
}
