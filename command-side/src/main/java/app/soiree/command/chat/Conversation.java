package app.soiree.command.chat;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.chat.AddMembers;
import app.soiree.api.chat.AddReaction;
import app.soiree.api.chat.BanMember;
import app.soiree.api.chat.ChangeConversationSettings;
import app.soiree.api.chat.CloseGatheringConversation;
import app.soiree.api.chat.ConversationId;
import app.soiree.api.chat.ConversationKind;
import app.soiree.api.chat.ConversationRules;
import app.soiree.api.chat.ConversationSettingsChanged;
import app.soiree.api.chat.ConversationStarted;
import app.soiree.api.chat.DeleteMessage;
import app.soiree.api.chat.EditMessage;
import app.soiree.api.chat.JoinGatheringConversation;
import app.soiree.api.chat.LeaveGatheringConversation;
import app.soiree.api.chat.MemberBanned;
import app.soiree.api.chat.MemberMuted;
import app.soiree.api.chat.MemberRemoved;
import app.soiree.api.chat.MemberRole;
import app.soiree.api.chat.MemberUnbanned;
import app.soiree.api.chat.MemberUnmuted;
import app.soiree.api.chat.MembersAdded;
import app.soiree.api.chat.MessageDeleted;
import app.soiree.api.chat.MessageEdited;
import app.soiree.api.chat.MessageId;
import app.soiree.api.chat.MessagePosted;
import app.soiree.api.chat.MessageReceipt;
import app.soiree.api.chat.MessageReported;
import app.soiree.api.chat.MessageType;
import app.soiree.api.chat.MuteMember;
import app.soiree.api.chat.OpenGatheringConversation;
import app.soiree.api.chat.PostMessage;
import app.soiree.api.chat.ReactionAdded;
import app.soiree.api.chat.ReactionRemoved;
import app.soiree.api.chat.ReminderFired;
import app.soiree.api.chat.RemovalReason;
import app.soiree.api.chat.RemoveMember;
import app.soiree.api.chat.RemoveReaction;
import app.soiree.api.chat.ReportMessage;
import app.soiree.api.chat.StartDirectConversation;
import app.soiree.api.chat.StartGroupConversation;
import app.soiree.api.chat.UnbanMember;
import app.soiree.api.chat.UnmuteMember;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.command.social.Blocks;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.jspecify.annotations.Nullable;

/**
 * One conversation: its members, settings and moderation, and every message in it. All of a
 * conversation's changes pass through here one at a time, which is what makes its {@code seq}
 * gapless: each change members can see takes the next number. Rules about who may post live in
 * {@link PostingRules}, membership in {@link ConversationMembers}, what is remembered of each message
 * in {@link PostedMessages}; this class applies them and records the outcome.
 *
 * <p>Longer than the codebase's 300 lines: the seq makes the whole conversation one consistency
 * boundary, so every command about it (membership, settings, messages, reactions, moderation) is
 * handled here. Each handler is a few lines that call the rules and apply one or two events.
 */
@Aggregate(cache = "conversationCache", snapshotTriggerDefinition = ChatConfiguration.CONVERSATION_SNAPSHOT_TRIGGER)
@Revision(Conversation.SNAPSHOT_REVISION)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class Conversation {

    static final String REMINDER_DEADLINE = "chat-reminder";
    static final String CLOSE_DEADLINE = "chat-close";
    /** The shape of the fields below (and of their members and messages) as snapshots store them: change it with them. */
    static final String SNAPSHOT_REVISION = "2";

    @AggregateIdentifier
    private ConversationId conversationId;
    private ConversationKind kind;
    private @Nullable String title;
    private @Nullable GatheringId gatheringId;
    private int slowModeSeconds;
    private boolean readOnly;
    /** Closed by the platform (its gathering ended or was cancelled): read-only for everyone, for good. */
    private boolean closed;
    private long seq;
    private ConversationMembers members = new ConversationMembers();
    private PostedMessages messages = new PostedMessages();

    protected Conversation() {
        // for Axon's event sourcing
    }

    /** @return true when the conversation began now, false when it existed already (the same id for the same pair). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(StartDirectConversation command, Clock clock) {
        if (kind != null) {
            PostingRules.requireKnownTo(members, command.requestedBy());
            return false;
        }
        if (command.requestedBy().equals(command.otherUserId())) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "A direct conversation needs another user");
        }
        apply(new ConversationStarted(command.conversationId(), 1, ConversationKind.DIRECT, null, null, null,
                List.of(command.requestedBy(), command.otherUserId()), clock.instant()));
        return true;
    }

    @CommandHandler
    Conversation(StartGroupConversation command, Clock clock) {
        List<UserId> memberIds = PostingRules.groupMembers(command.ownerId(), command.memberIds());
        apply(new ConversationStarted(command.conversationId(), 1, ConversationKind.GROUP, PostingRules.title(command.title()), null,
                command.ownerId(), memberIds, clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenGatheringConversation command, Clock clock) {
        if (kind == null) {
            apply(new ConversationStarted(command.conversationId(), 1, ConversationKind.GATHERING, null, command.gatheringId(),
                    command.hostId(), List.of(command.hostId()), clock.instant()));
        }
    }

    @CommandHandler
    void handle(JoinGatheringConversation command, Clock clock) {
        Instant now = clock.instant();
        List<UserId> joining = command.guestIds().stream().distinct()
                .filter(guestId -> !members.isMember(guestId) && !members.isBanned(guestId, now)).toList();
        if (!joining.isEmpty()) {
            apply(new MembersAdded(conversationId, seq + 1, joining, null, now));
        }
    }

    @CommandHandler
    void handle(LeaveGatheringConversation command, Clock clock) {
        if (members.isMember(command.guestId()) && !members.runs(command.guestId())) {
            apply(new MemberRemoved(conversationId, seq + 1, command.guestId(), RemovalReason.BOOKING_ENDED, null, null, clock.instant()));
        }
    }

    @CommandHandler
    void handle(CloseGatheringConversation command, Clock clock, DeadlineManager deadlines) {
        if (closed) {
            return;
        }
        if (command.at().isAfter(clock.instant())) {
            deadlines.cancelAllWithinScope(CLOSE_DEADLINE);
            deadlines.schedule(command.at(), CLOSE_DEADLINE, conversationId);
        } else {
            close(conversationId, clock);
        }
    }

    @DeadlineHandler(deadlineName = CLOSE_DEADLINE)
    void close(ConversationId closing, Clock clock) {
        if (!closed) {
            apply(new ConversationSettingsChanged(conversationId, seq + 1, title, slowModeSeconds, true, null, clock.instant()));
        }
    }

    @CommandHandler
    void handle(AddMembers command, Clock clock) {
        PostingRules.requireMember(members, command.addedBy());
        PostingRules.requireGroupOwner(kind, members, command.addedBy());
        Instant now = clock.instant();
        List<UserId> joining = command.userIds().stream().distinct().filter(userId -> !members.isMember(userId)).toList();
        for (UserId userId : joining) {
            if (members.isBanned(userId, now)) {
                throw new SoireeException(ErrorCode.BANNED, "User " + userId + " is banned from this conversation");
            }
        }
        if (members.count() + joining.size() > ConversationRules.MAX_GROUP_MEMBERS) {
            throw new SoireeException(ErrorCode.GROUP_FULL, "A group has at most " + ConversationRules.MAX_GROUP_MEMBERS + " members");
        }
        if (!joining.isEmpty()) {
            apply(new MembersAdded(conversationId, seq + 1, joining, command.addedBy(), now));
        }
    }

    @CommandHandler
    void handle(RemoveMember command, Clock clock) {
        PostingRules.requireMember(members, command.removedBy());
        if (kind != ConversationKind.GROUP) {
            throw new SoireeException(ErrorCode.MEMBERSHIP_IS_DERIVED, "Only a group's members are added and removed by hand");
        }
        boolean leaving = command.removedBy().equals(command.userId());
        if (!leaving) {
            PostingRules.requireGroupOwner(kind, members, command.removedBy());
        }
        if (!members.isMember(command.userId())) {
            return;
        }
        UserId newOwner = members.roleOf(command.userId()).orElseThrow() == MemberRole.OWNER
                ? members.longestStandingOtherThan(command.userId()).orElse(null) : null;
        apply(new MemberRemoved(conversationId, seq + 1, command.userId(), leaving ? RemovalReason.LEFT : RemovalReason.REMOVED,
                command.removedBy(), newOwner, clock.instant()));
    }

    @CommandHandler
    void handle(ChangeConversationSettings command, Clock clock) {
        PostingRules.requireRunBy(kind, members, command.changedBy(), command.support());
        if (closed) {
            throw new SoireeException(ErrorCode.READ_ONLY, "This conversation was closed with its gathering");
        }
        String newTitle = command.title() == null || kind == ConversationKind.GATHERING ? title : PostingRules.title(command.title());
        int newSlowMode = command.slowModeSeconds() == null ? slowModeSeconds : PostingRules.slowMode(command.slowModeSeconds());
        boolean newReadOnly = command.readOnly() == null ? readOnly : command.readOnly();
        if (!Objects.equals(newTitle, title) || newSlowMode != slowModeSeconds || newReadOnly != readOnly) {
            apply(new ConversationSettingsChanged(conversationId, seq + 1, newTitle, newSlowMode, newReadOnly, command.changedBy(),
                    clock.instant()));
        }
    }

    @CommandHandler
    MessageReceipt handle(PostMessage command, Clock clock, DeadlineManager deadlines, Blocks blocks) {
        if (messages.exists(command.messageId())) {
            // A retried post (its id follows from its Idempotency-Key) is answered as it was, before any rule: slow mode,
            // say, would refuse it now. Gone since, it is not found; nobody else's message answers for it.
            PostedMessages.Posted posted = messages.require(command.messageId());
            if (!posted.isBy(command.senderId())) {
                throw new SoireeException(ErrorCode.ID_ALREADY_USED, "This message id is already used");
            }
            return new MessageReceipt(posted.seq(), posted.postedAt());
        }
        Instant now = clock.instant();
        PostingRules.requireMayPost(members, command.senderId(), command.support(), now);
        if (kind == ConversationKind.DIRECT) {
            PostingRules.requireNotBlocked(members, command.senderId(), blocks);
        }
        PostingRules.requireOpen(closed, readOnly, members.runs(command.senderId()) || command.support());
        if (!members.runs(command.senderId()) && !command.support()) {
            PostingRules.requireSlowModeKept(slowModeSeconds, members.lastPostOf(command.senderId()), now);
        }
        PostingRules.requireWellFormed(command, now);
        if (command.replyToMessageId() != null && !messages.exists(command.replyToMessageId())) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "replyToMessageId names no message of this conversation");
        }
        long messageSeq = seq + 1;
        apply(new MessagePosted(conversationId, messageSeq, command.messageId(), command.senderId(), command.type(), command.text(),
                List.copyOf(command.mediaIds()), command.gatheringId(), command.reminder(), command.replyToMessageId(), now));
        if (command.reminder() != null) {
            deadlines.schedule(command.reminder().at(), REMINDER_DEADLINE, command.messageId());
        }
        return new MessageReceipt(messageSeq, now);
    }

    @DeadlineHandler(deadlineName = REMINDER_DEADLINE)
    void remind(MessageId reminderId, Clock clock) {
        if (!messages.reminderPending(reminderId)) {
            return;
        }
        Instant now = clock.instant();
        apply(new ReminderFired(conversationId, seq + 1, reminderId, now));
        apply(new MessagePosted(conversationId, seq + 1, MessageId.random(), null, MessageType.SYSTEM, null, List.of(), null, null,
                reminderId, now));
    }

    @CommandHandler
    void handle(EditMessage command, Clock clock) {
        PostingRules.requireMember(members, command.editorId());
        PostedMessages.Posted message = messages.require(command.messageId());
        Instant now = clock.instant();
        PostingRules.requireEditable(message, command.editorId(), now);
        PostingRules.requireText(command.text());
        apply(new MessageEdited(conversationId, seq + 1, command.messageId(), command.text(), now));
    }

    @CommandHandler
    void handle(DeleteMessage command, Clock clock, ContentKeys keys) {
        if (!command.support()) {
            PostingRules.requireMember(members, command.deletedBy());
        }
        if (messages.isDeleted(command.messageId())) {
            return;
        }
        PostedMessages.Posted message = messages.require(command.messageId());
        boolean hostOfGathering = kind == ConversationKind.GATHERING && members.roleOf(command.deletedBy()).orElse(null) == MemberRole.HOST;
        if (!message.isBy(command.deletedBy()) && !hostOfGathering && !command.support()) {
            throw new SoireeException(ErrorCode.FORBIDDEN, "Only its author, the gathering's host or support may delete a message");
        }
        apply(new MessageDeleted(conversationId, seq + 1, command.messageId(), command.deletedBy(), message.mediaIds(), clock.instant()));
        // The text is gone from every stored event the moment the key is: in this same transaction.
        keys.destroy(command.messageId().value());
        // A pending reminder's deadline may stay: when it fires it finds the message deleted and posts nothing.
    }

    @CommandHandler
    void handle(AddReaction command, Clock clock) {
        PostingRules.requireMember(members, command.userId());
        PostingRules.requireEmoji(command.emoji());
        if (!messages.require(command.messageId()).hasReaction(command.userId(), command.emoji())) {
            apply(new ReactionAdded(conversationId, seq + 1, command.messageId(), command.userId(), command.emoji(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(RemoveReaction command, Clock clock) {
        PostingRules.requireMember(members, command.userId());
        if (messages.require(command.messageId()).hasReaction(command.userId(), command.emoji())) {
            apply(new ReactionRemoved(conversationId, seq + 1, command.messageId(), command.userId(), command.emoji(), clock.instant()));
        }
    }

    /** Answers whether this reported the message: {@code false} when the member had reported it before (nothing changes). */
    @CommandHandler
    boolean handle(ReportMessage command, Clock clock) {
        PostingRules.requireMember(members, command.reportedBy());
        PostedMessages.Posted message = messages.require(command.messageId());
        if (message.isBy(command.reportedBy())) {
            throw new SoireeException(ErrorCode.CANNOT_REPORT_SELF, "Nobody reports their own message");
        }
        if (message.reportedBy(command.reportedBy())) {
            return false;
        }
        apply(new MessageReported(conversationId, command.messageId(), command.reportId(), command.reportedBy(), message.author(),
                command.reason(), PostingRules.note(command.note()), clock.instant()));
        return true;
    }

    @CommandHandler
    void handle(MuteMember command, Clock clock) {
        PostingRules.requireModerator(kind, members, command.mutedBy(), command.support(), command.userId());
        apply(new MemberMuted(conversationId, command.userId(), command.until(), PostingRules.reason(command.reason()), command.mutedBy(),
                clock.instant()));
    }

    @CommandHandler
    void handle(UnmuteMember command, Clock clock) {
        PostingRules.requireRunBy(kind, members, command.unmutedBy(), command.support());
        if (members.hasBanOrMute(command.userId(), false)) {
            apply(new MemberUnmuted(conversationId, command.userId(), command.unmutedBy(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(BanMember command, Clock clock) {
        PostingRules.requireModerator(kind, members, command.bannedBy(), command.support(), command.userId());
        Instant now = clock.instant();
        apply(new MemberBanned(conversationId, command.userId(), command.until(), PostingRules.reason(command.reason()), command.bannedBy(),
                now));
        if (members.isMember(command.userId())) {
            apply(new MemberRemoved(conversationId, seq + 1, command.userId(), RemovalReason.BANNED, command.bannedBy(), null, now));
        }
    }

    @CommandHandler
    void handle(UnbanMember command, Clock clock) {
        PostingRules.requireRunBy(kind, members, command.unbannedBy(), command.support());
        if (members.hasBanOrMute(command.userId(), true)) {
            apply(new MemberUnbanned(conversationId, command.userId(), command.unbannedBy(), clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(ConversationStarted event) {
        conversationId = event.conversationId();
        kind = event.kind();
        title = event.title();
        gatheringId = event.gatheringId();
        seq = event.seq();
        MemberRole runner = kind == ConversationKind.GATHERING ? MemberRole.HOST : MemberRole.OWNER;
        event.memberIds().forEach(userId -> members.join(userId, userId.equals(event.ownerId()) ? runner : MemberRole.MEMBER));
    }

    @EventSourcingHandler
    void on(MembersAdded event) {
        seq = event.seq();
        event.userIds().forEach(userId -> members.join(userId, MemberRole.MEMBER));
    }

    @EventSourcingHandler
    void on(MemberRemoved event) {
        seq = event.seq();
        members.leave(event.userId());
        if (event.newOwnerId() != null) {
            members.promote(event.newOwnerId(), MemberRole.OWNER);
        }
    }

    @EventSourcingHandler
    void on(ConversationSettingsChanged event) {
        seq = event.seq();
        title = event.title();
        slowModeSeconds = event.slowModeSeconds();
        readOnly = event.readOnly();
        closed = closed || event.changedBy() == null;
    }

    @EventSourcingHandler
    void on(MessagePosted event) {
        seq = event.seq();
        messages.posted(event.messageId(), event.seq(), event.senderId(), event.type(), event.mediaIds(), event.at(),
                event.reminder() != null);
        if (event.senderId() != null) {
            members.posted(event.senderId(), event.at());
        }
    }

    @EventSourcingHandler
    void on(MessageEdited event) {
        seq = event.seq();
    }

    @EventSourcingHandler
    void on(MessageDeleted event) {
        seq = event.seq();
        messages.require(event.messageId()).delete();
    }

    @EventSourcingHandler
    void on(ReactionAdded event) {
        seq = event.seq();
        messages.require(event.messageId()).react(event.userId(), event.emoji(), true);
    }

    @EventSourcingHandler
    void on(ReactionRemoved event) {
        seq = event.seq();
        messages.require(event.messageId()).react(event.userId(), event.emoji(), false);
    }

    @EventSourcingHandler
    void on(ReminderFired event) {
        seq = event.seq();
        messages.require(event.messageId()).reminderFired();
    }

    @EventSourcingHandler
    void on(MessageReported event) {
        messages.require(event.messageId()).reported(event.reportedBy());
    }

    @EventSourcingHandler
    void on(MemberMuted event) {
        members.mute(event.userId(), event.until());
    }

    @EventSourcingHandler
    void on(MemberUnmuted event) {
        members.unmute(event.userId());
    }

    @EventSourcingHandler
    void on(MemberBanned event) {
        members.ban(event.userId(), event.until());
    }

    @EventSourcingHandler
    void on(MemberUnbanned event) {
        members.unban(event.userId());
    }
}
