package app.soiree.command.chat;

import app.soiree.api.chat.ConversationKind;
import app.soiree.api.chat.ConversationRules;
import app.soiree.api.chat.MemberRole;
import app.soiree.api.chat.MessageType;
import app.soiree.api.chat.PostMessage;
import app.soiree.api.chat.SealedText;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.RateLimitedException;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import app.soiree.command.social.Blocks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who may do what in a conversation, as the {@link Conversation} decides it. A stranger is told the
 * conversation does not exist (404), a former member that they are not a member (403).
 */
final class PostingRules {

    private static final Duration LONGEST_REMINDER = Duration.ofDays(366);

    private PostingRules() {
    }

    static void requireKnownTo(ConversationMembers members, UserId userId) {
        if (!members.wasEverMember(userId)) {
            throw SoireeException.notFound("Conversation");
        }
    }

    static void requireMember(ConversationMembers members, UserId userId) {
        requireKnownTo(members, userId);
        if (!members.isMember(userId)) {
            throw new SoireeException(ErrorCode.NOT_A_MEMBER, "You are no longer a member of this conversation");
        }
    }

    static void requireMayPost(ConversationMembers members, UserId senderId, boolean support, Instant now) {
        if (members.isBanned(senderId, now) && members.wasEverMember(senderId)) {
            throw new SoireeException(ErrorCode.BANNED, "You are banned from this conversation");
        }
        requireMember(members, senderId);
        if (!support && members.isMuted(senderId, now)) {
            throw new SoireeException(ErrorCode.MUTED, "You are muted in this conversation");
        }
    }

    /** A direct conversation stays as it was when one of the two blocked the other, and takes no new messages. */
    static void requireNotBlocked(ConversationMembers members, UserId senderId, Blocks blocks) {
        members.longestStandingOtherThan(senderId).ifPresent(other -> {
            if (blocks.eitherBlocked(senderId, other)) {
                throw new SoireeException(ErrorCode.BLOCKED, "One of you blocked the other");
            }
        });
    }

    static void requireOpen(boolean closed, boolean readOnly, boolean exemptFromReadOnly) {
        if (closed || (readOnly && !exemptFromReadOnly)) {
            throw new SoireeException(ErrorCode.READ_ONLY, "This conversation is read-only");
        }
    }

    static void requireSlowModeKept(int slowModeSeconds, @Nullable Instant lastPost, Instant now) {
        if (slowModeSeconds > 0 && lastPost != null) {
            Instant next = lastPost.plusSeconds(slowModeSeconds);
            if (now.isBefore(next)) {
                throw new RateLimitedException(ErrorCode.SLOW_MODE, "This conversation is in slow mode: one message every "
                        + slowModeSeconds + " seconds", Duration.between(now, next));
            }
        }
    }

    static void requireWellFormed(PostMessage command, Instant now) {
        MessageType type = command.type();
        boolean hasMedia = !command.mediaIds().isEmpty();
        switch (type) {
            case TEXT -> require(command.text() != null && !hasMedia, "text", "a TEXT message has a text and no media");
            case IMAGE, VOICE_NOTE -> require(hasMedia && command.mediaIds().size() <= ConversationRules.MAX_MEDIA_PER_MESSAGE,
                    "mediaIds", "an " + type + " message carries 1 to " + ConversationRules.MAX_MEDIA_PER_MESSAGE + " media ids");
            case GATHERING_CARD -> require(command.gatheringId() != null, "gatheringId", "a GATHERING_CARD names a gathering");
            case REMINDER -> {
                require(command.reminder() != null, "reminder", "a REMINDER has {at, text}");
                Instant at = command.reminder().at();
                require(at.isAfter(now) && at.isBefore(now.plus(LONGEST_REMINDER)), "reminder.at",
                        "must be in the future and within a year");
            }
            case SYSTEM -> require(false, "type", "SYSTEM messages are posted by the platform only");
        }
        if (type != MessageType.REMINDER) {
            require(command.reminder() == null, "reminder", "only a REMINDER message has a reminder");
        }
    }

    static void requireEditable(PostedMessages.Posted message, UserId editorId, Instant now) {
        if (!message.isBy(editorId)) {
            throw new SoireeException(ErrorCode.FORBIDDEN, "Only its author may edit a message");
        }
        if (message.type() == MessageType.REMINDER || message.type() == MessageType.SYSTEM) {
            throw new SoireeException(ErrorCode.EDIT_NOT_ALLOWED, "A " + message.type() + " message cannot be edited");
        }
        if (!now.isBefore(message.postedAt().plus(ConversationRules.EDIT_WINDOW))) {
            throw new SoireeException(ErrorCode.EDIT_WINDOW_CLOSED, "A message can be edited for "
                    + ConversationRules.EDIT_WINDOW.toMinutes() + " minutes after it was posted");
        }
    }

    static void requireText(@Nullable SealedText text) {
        require(text != null, "text", "must not be empty");
    }

    static void requireGroupOwner(ConversationKind kind, ConversationMembers members, UserId userId) {
        if (kind != ConversationKind.GROUP) {
            throw new SoireeException(ErrorCode.MEMBERSHIP_IS_DERIVED, "Only a group's members are added and removed by hand");
        }
        if (members.roleOf(userId).orElse(null) != MemberRole.OWNER) {
            throw new SoireeException(ErrorCode.FORBIDDEN, "Only the group's owner may do this");
        }
    }

    /** The group's owner or the gathering's host; support anywhere. Nobody runs a direct conversation. */
    static void requireRunBy(ConversationKind kind, ConversationMembers members, UserId userId, boolean support) {
        if (support) {
            return;
        }
        requireMember(members, userId);
        if (kind == ConversationKind.DIRECT || !members.runs(userId)) {
            throw new SoireeException(ErrorCode.FORBIDDEN, "Only the conversation's owner or host may do this");
        }
    }

    static void requireModerator(ConversationKind kind, ConversationMembers members, UserId moderator, boolean support, UserId target) {
        requireRunBy(kind, members, moderator, support);
        if (moderator.equals(target) || members.runs(target)) {
            throw new SoireeException(ErrorCode.FORBIDDEN, "The conversation's owner or host cannot be muted or banned");
        }
        requireKnownTo(members, target);
    }

    static void requireEmoji(String emoji) {
        boolean valid = !emoji.isEmpty() && emoji.length() <= ConversationRules.MAX_EMOJI_LENGTH
                && emoji.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || c == '/');
        require(valid, "emoji", "must be 1 to " + ConversationRules.MAX_EMOJI_LENGTH + " characters without spaces");
    }

    static List<UserId> groupMembers(UserId ownerId, List<UserId> memberIds) {
        LinkedHashSet<UserId> all = new LinkedHashSet<>();
        all.add(ownerId);
        all.addAll(memberIds);
        if (all.size() > ConversationRules.MAX_GROUP_MEMBERS) {
            throw new SoireeException(ErrorCode.GROUP_FULL, "A group has at most " + ConversationRules.MAX_GROUP_MEMBERS + " members");
        }
        return new ArrayList<>(all);
    }

    static String title(String title) {
        String stripped = title.strip();
        require(!stripped.isEmpty() && stripped.length() <= ConversationRules.MAX_TITLE_LENGTH, "title",
                "must be 1 to " + ConversationRules.MAX_TITLE_LENGTH + " characters");
        return stripped;
    }

    static int slowMode(int seconds) {
        require(seconds >= 0 && seconds <= ConversationRules.MAX_SLOW_MODE_SECONDS, "slowModeSeconds",
                "must be between 0 and " + ConversationRules.MAX_SLOW_MODE_SECONDS);
        return seconds;
    }

    static String reason(String reason) {
        String stripped = reason.strip();
        require(!stripped.isEmpty() && stripped.length() <= ConversationRules.MAX_REASON_LENGTH, "reason",
                "must be 1 to " + ConversationRules.MAX_REASON_LENGTH + " characters");
        return stripped;
    }

    static @Nullable String note(@Nullable String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        require(note.length() <= ConversationRules.MAX_REASON_LENGTH, "note",
                "must be at most " + ConversationRules.MAX_REASON_LENGTH + " characters");
        return note.strip();
    }

    private static void require(boolean valid, String field, String message) {
        if (!valid) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, field + ": " + message);
        }
    }
}
