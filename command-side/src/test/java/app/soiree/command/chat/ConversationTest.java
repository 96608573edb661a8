package app.soiree.command.chat;

import static app.soiree.command.Refusals.refusedWith;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import app.soiree.api.chat.AddMembers;
import app.soiree.api.chat.AddReaction;
import app.soiree.api.chat.BanMember;
import app.soiree.api.chat.ChangeConversationSettings;
import app.soiree.api.chat.CloseGatheringConversation;
import app.soiree.api.chat.ConversationId;
import app.soiree.api.chat.ConversationKind;
import app.soiree.api.chat.ConversationSettingsChanged;
import app.soiree.api.chat.ConversationStarted;
import app.soiree.api.chat.DeleteMessage;
import app.soiree.api.chat.EditMessage;
import app.soiree.api.chat.JoinGatheringConversation;
import app.soiree.api.chat.LeaveGatheringConversation;
import app.soiree.api.chat.MemberBanned;
import app.soiree.api.chat.MemberMuted;
import app.soiree.api.chat.MemberRemoved;
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
import app.soiree.api.chat.Reminder;
import app.soiree.api.chat.ReminderFired;
import app.soiree.api.chat.RemovalReason;
import app.soiree.api.chat.RemoveMember;
import app.soiree.api.chat.RemoveReaction;
import app.soiree.api.chat.ReportMessage;
import app.soiree.api.chat.ReportReason;
import app.soiree.api.chat.SealedText;
import app.soiree.api.chat.StartDirectConversation;
import app.soiree.api.chat.StartGroupConversation;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.command.FixtureClock;
import app.soiree.command.social.Blocks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class ConversationTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final UserId HOST = new UserId(id(1));
    private static final UserId ADA = new UserId(id(2));
    private static final UserId GRACE = new UserId(id(3));
    private static final UserId LINUS = new UserId(id(4));
    private static final GatheringId GATHERING = new GatheringId(id(10));
    private static final ConversationId GROUP = new ConversationId(id(20));
    private static final ConversationId CHAT = ConversationId.ofGathering(GATHERING);
    private static final MessageId HELLO = new MessageId(id(30));
    private static final SealedText TEXT = new SealedText(id(30), "c2VhbGVk");

    private final List<UUID> destroyedKeys = new ArrayList<>();
    /** (blocker, blocked) pairs, as the social directory would answer. */
    private final Set<List<UserId>> blocks = new HashSet<>();
    private AggregateTestFixture<Conversation> fixture;

    /** A fixture per scenario: Axon's fixture keeps the aggregate and its deadlines between a given and the next. */
    private AggregateTestFixture<Conversation> fresh() {
        fixture = new AggregateTestFixture<>(Conversation.class);
        fixture.registerInjectableResource(new FixtureClock(() -> fixture == null ? START : fixture.currentTime()));
        fixture.registerInjectableResource(new Blocks() {
            @Override
            public boolean eitherBlocked(UserId one, UserId other) {
                return blocked(one, other) || blocked(other, one);
            }

            @Override
            public boolean blocked(UserId blockerId, UserId blockedId) {
                return blocks.contains(List.of(blockerId, blockedId));
            }
        });
        fixture.registerInjectableResource(new ContentKeys(new JdbcTemplate()) {
            @Override
            void destroy(UUID keyId) {
                destroyedKeys.add(keyId);
            }
        });
        return fixture;
    }

    private org.axonframework.test.aggregate.TestExecutor<Conversation> given(Object... events) {
        return fresh().givenCurrentTime(START).andGiven(events);
    }

    @Test
    void theDirectConversationOfAPairBeginsOnceWhoeverAsks() {
        ConversationId direct = ConversationId.direct(ADA, GRACE);
        fresh().givenCurrentTime(START)
                .when(new StartDirectConversation(direct, ADA, GRACE))
                .expectEvents(new ConversationStarted(direct, 1, ConversationKind.DIRECT, null, null, null, List.of(ADA, GRACE), START))
                .expectResultMessagePayload(true);
        given(new ConversationStarted(direct, 1, ConversationKind.DIRECT, null, null, null, List.of(ADA, GRACE), START))
                .when(new StartDirectConversation(ConversationId.direct(GRACE, ADA), GRACE, ADA))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aDirectConversationTakesNoMessagesOnceEitherBlockedTheOther() {
        ConversationId direct = ConversationId.direct(ADA, GRACE);
        blocks.add(List.of(GRACE, ADA));
        given(new ConversationStarted(direct, 1, ConversationKind.DIRECT, null, null, null, List.of(ADA, GRACE), START))
                .when(post(direct, HELLO, ADA))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.BLOCKED));
        given(new ConversationStarted(direct, 1, ConversationKind.DIRECT, null, null, null, List.of(ADA, GRACE), START))
                .when(post(direct, HELLO, GRACE))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.BLOCKED));
        blocks.clear();
        given(new ConversationStarted(direct, 1, ConversationKind.DIRECT, null, null, null, List.of(ADA, GRACE), START))
                .when(post(direct, HELLO, ADA))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aStrangerCannotLearnThatADirectConversationExists() {
        ConversationId direct = ConversationId.direct(ADA, GRACE);
        given(new ConversationStarted(direct, 1, ConversationKind.DIRECT, null, null, null, List.of(ADA, GRACE), START))
                .when(new StartDirectConversation(direct, LINUS, ADA))
                .expectException(refusedWith(ErrorCode.NOT_FOUND));
    }

    @Test
    void eachChangeMembersSeeTakesTheNextSeq() {
        given(group())
                .andGivenCurrentTime(START)
                .when(post(HELLO, ADA))
                .expectEvents(posted(HELLO, ADA, 2))
                .expectResultMessagePayload(new MessageReceipt(2, START));
        given(group(), posted(HELLO, ADA, 2))
                .andGivenCurrentTime(START)
                .when(new AddReaction(GROUP, HELLO, GRACE, "🎉"))
                .expectEvents(new ReactionAdded(GROUP, 3, HELLO, GRACE, "🎉", START));
    }

    @Test
    void aReactionIsIdempotentPerUserAndEmoji() {
        given(group(), posted(HELLO, ADA, 2), new ReactionAdded(GROUP, 3, HELLO, GRACE, "🎉", START))
                .when(new AddReaction(GROUP, HELLO, GRACE, "🎉"))
                .expectNoEvents();
        given(group(), posted(HELLO, ADA, 2))
                .when(new RemoveReaction(GROUP, HELLO, GRACE, "🎉"))
                .expectNoEvents();
    }

    @Test
    void onlyTheOwnerAddsToAGroupAndNeverBeyond256() {
        given(group())
                .when(new AddMembers(GROUP, GRACE, List.of(LINUS)))
                .expectException(refusedWith(ErrorCode.FORBIDDEN));
        List<UserId> crowd = IntStream.range(0, 255).mapToObj(i -> UserId.random()).toList();
        given(group())
                .when(new AddMembers(GROUP, ADA, crowd))
                .expectException(refusedWith(ErrorCode.GROUP_FULL));
        given(group())
                .andGivenCurrentTime(START)
                .when(new AddMembers(GROUP, ADA, List.of(LINUS, GRACE)))
                .expectEvents(new MembersAdded(GROUP, 2, List.of(LINUS), ADA, START));
    }

    @Test
    void anOwnerWhoLeavesHandsTheGroupToTheLongestStandingMember() {
        given(group())
                .andGivenCurrentTime(START)
                .when(new RemoveMember(GROUP, ADA, ADA))
                .expectEvents(new MemberRemoved(GROUP, 2, ADA, RemovalReason.LEFT, ADA, GRACE, START));
        given(group(), new MemberRemoved(GROUP, 2, ADA, RemovalReason.LEFT, ADA, GRACE, START))
                .when(new AddMembers(GROUP, GRACE, List.of(LINUS)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aFormerMemberIsToldSoAndAStrangerFindsNothing() {
        given(group(), new MemberRemoved(GROUP, 2, GRACE, RemovalReason.LEFT, GRACE, null, START))
                .when(post(HELLO, GRACE))
                .expectException(refusedWith(ErrorCode.NOT_A_MEMBER));
        given(group())
                .when(post(HELLO, LINUS))
                .expectException(refusedWith(ErrorCode.NOT_FOUND));
    }

    @Test
    void slowModeHoldsBackMembersButNotTheOwner() {
        ConversationSettingsChanged slow = new ConversationSettingsChanged(GROUP, 2, "Supper", 30, false, ADA, START);
        given(group(), slow, posted(HELLO, GRACE, 3))
                .andGivenCurrentTime(START.plusSeconds(10))
                .when(post(MessageId.random(), GRACE))
                .expectException(refusedWith(ErrorCode.SLOW_MODE));
        given(group(), slow, posted(HELLO, ADA, 3))
                .andGivenCurrentTime(START.plusSeconds(10))
                .when(post(new MessageId(id(31)), ADA))
                .expectSuccessfulHandlerExecution();
        given(group(), slow, posted(HELLO, GRACE, 3))
                .andGivenCurrentTime(START.plusSeconds(31))
                .when(post(new MessageId(id(31)), GRACE))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void mutedAndBannedMembersCannotPost() {
        given(group(), new MemberMuted(GROUP, GRACE, START.plusSeconds(60), "spam", ADA, START))
                .andGivenCurrentTime(START.plusSeconds(30))
                .when(post(HELLO, GRACE))
                .expectException(refusedWith(ErrorCode.MUTED));
        given(group(), new MemberMuted(GROUP, GRACE, START.plusSeconds(60), "spam", ADA, START))
                .andGivenCurrentTime(START.plusSeconds(61))
                .when(post(HELLO, GRACE))
                .expectSuccessfulHandlerExecution();
        given(group())
                .andGivenCurrentTime(START)
                .when(new BanMember(GROUP, ADA, false, GRACE, null, "abuse"))
                .expectEvents(new MemberBanned(GROUP, GRACE, null, "abuse", ADA, START),
                        new MemberRemoved(GROUP, 2, GRACE, RemovalReason.BANNED, ADA, null, START));
        given(group(), new MemberBanned(GROUP, GRACE, null, "abuse", ADA, START),
                        new MemberRemoved(GROUP, 2, GRACE, RemovalReason.BANNED, ADA, null, START))
                .when(post(HELLO, GRACE))
                .expectException(refusedWith(ErrorCode.BANNED));
    }

    @Test
    void theOwnerCannotBeBannedNorAMemberBanOthers() {
        given(group())
                .when(new BanMember(GROUP, GRACE, false, ADA, null, "coup"))
                .expectException(refusedWith(ErrorCode.FORBIDDEN));
        given(group())
                .when(new BanMember(GROUP, ADA, false, ADA, null, "oops"))
                .expectException(refusedWith(ErrorCode.FORBIDDEN));
    }

    @Test
    void theAuthorEditsForFifteenMinutesOnly() {
        SealedText edited = new SealedText(id(30), "ZWRpdGVk");
        given(group(), posted(HELLO, ADA, 2))
                .andGivenCurrentTime(START.plus(Duration.ofMinutes(14)))
                .when(new EditMessage(GROUP, HELLO, ADA, edited))
                .expectEvents(new MessageEdited(GROUP, 3, HELLO, edited, START.plus(Duration.ofMinutes(14))));
        given(group(), posted(HELLO, ADA, 2))
                .andGivenCurrentTime(START.plus(Duration.ofMinutes(15)))
                .when(new EditMessage(GROUP, HELLO, ADA, edited))
                .expectException(refusedWith(ErrorCode.EDIT_WINDOW_CLOSED));
        given(group(), posted(HELLO, ADA, 2))
                .when(new EditMessage(GROUP, HELLO, GRACE, edited))
                .expectException(refusedWith(ErrorCode.FORBIDDEN));
    }

    @Test
    void deletingDestroysTheKeyOnceAndOnlyTheAuthorTheHostOrSupportMay() {
        given(group(), posted(HELLO, ADA, 2))
                .when(new DeleteMessage(GROUP, HELLO, GRACE, false))
                .expectException(refusedWith(ErrorCode.FORBIDDEN));
        given(group(), posted(HELLO, ADA, 2))
                .andGivenCurrentTime(START)
                .when(new DeleteMessage(GROUP, HELLO, LINUS, true))
                .expectEvents(new MessageDeleted(GROUP, 3, HELLO, LINUS, List.of(), START));
        org.assertj.core.api.Assertions.assertThat(destroyedKeys).containsExactly(HELLO.value());
        given(group(), posted(HELLO, ADA, 2), new MessageDeleted(GROUP, 3, HELLO, ADA, List.of(), START))
                .when(new DeleteMessage(GROUP, HELLO, ADA, false))
                .expectNoEvents();
        given(gathering(), new MembersAdded(CHAT, 2, List.of(GRACE), null, START), posted(CHAT, HELLO, GRACE, 3))
                .andGivenCurrentTime(START)
                .when(new DeleteMessage(CHAT, HELLO, HOST, false))
                .expectEvents(new MessageDeleted(CHAT, 4, HELLO, HOST, List.of(), START));
    }

    @Test
    void aMemberReportsAMessageOnce() {
        UUID report = id(40);
        given(group(), posted(HELLO, ADA, 2))
                .andGivenCurrentTime(START)
                .when(new ReportMessage(GROUP, HELLO, report, GRACE, ReportReason.SPAM, " buy now "))
                .expectEvents(new MessageReported(GROUP, HELLO, report, GRACE, ADA, ReportReason.SPAM, "buy now", START))
                .expectResultMessagePayload(true);
        given(group(), posted(HELLO, ADA, 2), new MessageReported(GROUP, HELLO, report, GRACE, ADA, ReportReason.SPAM, null, START))
                .when(new ReportMessage(GROUP, HELLO, id(41), GRACE, ReportReason.OTHER, null))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void nobodyReportsTheirOwnMessage() {
        given(group(), posted(HELLO, ADA, 2))
                .when(new ReportMessage(GROUP, HELLO, id(40), ADA, ReportReason.SPAM, null))
                .expectException(refusedWith(ErrorCode.CANNOT_REPORT_SELF))
                .expectNoEvents();
    }

    @Test
    void aGatheringsConversationFollowsItsBookingsAndCannotBeEditedByHand() {
        fresh().givenCurrentTime(START)
                .andGivenCurrentTime(START)
                .when(new OpenGatheringConversation(CHAT, GATHERING, HOST))
                .expectEvents(gathering());
        given(gathering())
                .when(new OpenGatheringConversation(CHAT, GATHERING, HOST))
                .expectNoEvents();
        given(gathering())
                .andGivenCurrentTime(START)
                .when(new JoinGatheringConversation(CHAT, List.of(GRACE)))
                .expectEvents(new MembersAdded(CHAT, 2, List.of(GRACE), null, START));
        given(gathering(), new MembersAdded(CHAT, 2, List.of(GRACE), null, START))
                .when(new JoinGatheringConversation(CHAT, List.of(GRACE)))
                .expectNoEvents();
        // guests confirmed together join in one change; members already, the banned and a guest named twice are left out
        given(gathering(), new MembersAdded(CHAT, 2, List.of(GRACE), null, START),
                new MemberBanned(CHAT, ADA, null, "abuse", HOST, START))
                .andGivenCurrentTime(START)
                .when(new JoinGatheringConversation(CHAT, List.of(GRACE, LINUS, ADA, LINUS)))
                .expectEvents(new MembersAdded(CHAT, 3, List.of(LINUS), null, START));
        given(gathering(), new MembersAdded(CHAT, 2, List.of(GRACE), null, START))
                .andGivenCurrentTime(START)
                .when(new LeaveGatheringConversation(CHAT, GRACE))
                .expectEvents(new MemberRemoved(CHAT, 3, GRACE, RemovalReason.BOOKING_ENDED, null, null, START));
        given(gathering())
                .when(new AddMembers(CHAT, HOST, List.of(GRACE)))
                .expectException(refusedWith(ErrorCode.MEMBERSHIP_IS_DERIVED));
        given(gathering(), new MembersAdded(CHAT, 2, List.of(GRACE), null, START))
                .when(new RemoveMember(CHAT, GRACE, GRACE))
                .expectException(refusedWith(ErrorCode.MEMBERSHIP_IS_DERIVED));
    }

    @Test
    void aGatheringsConversationClosesByADurableDeadlineForEveryone() {
        Instant closesAt = START.plus(Duration.ofDays(3));
        given(gathering())
                .andGivenCurrentTime(START)
                .when(new CloseGatheringConversation(CHAT, closesAt))
                .expectNoEvents()
                .expectScheduledDeadlineWithName(Duration.ofDays(3), Conversation.CLOSE_DEADLINE);
        ConversationSettingsChanged closed = new ConversationSettingsChanged(CHAT, 2, null, 0, true, null, START);
        given(gathering())
                .andGivenCurrentTime(START)
                .when(new CloseGatheringConversation(CHAT, START))
                .expectEvents(closed);
        given(gathering(), closed)
                .when(post(CHAT, HELLO, HOST))
                .expectException(refusedWith(ErrorCode.READ_ONLY));
        given(gathering(), closed)
                .when(new ChangeConversationSettings(CHAT, HOST, false, null, null, false))
                .expectException(refusedWith(ErrorCode.READ_ONLY));
    }

    @Test
    void aReminderPostsASystemMessageWhenItsDeadlineFires() {
        MessageId reminderId = new MessageId(id(32));
        Reminder reminder = new Reminder(START.plus(Duration.ofHours(2)), TEXT);
        PostMessage remind = new PostMessage(GROUP, reminderId, ADA, false, MessageType.REMINDER, null, List.of(), null, reminder, null);
        given(group())
                .andGivenCurrentTime(START)
                .when(remind)
                .expectEvents(new MessagePosted(GROUP, 2, reminderId, ADA, MessageType.REMINDER, null, List.of(), null, reminder, null,
                        START))
                .expectScheduledDeadlineWithName(Duration.ofHours(2), Conversation.REMINDER_DEADLINE);
        given(group())
                .andGivenCommands(remind)
                .whenTimeElapses(Duration.ofHours(2))
                .expectDeadlinesMetMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        exactSequenceOf(is(reminderId), andNoMore())))
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(instanceOf(ReminderFired.class)),
                        messageWithPayload(systemMessageReplyingTo(reminderId)),
                        andNoMore()));
    }

    @Test
    void aDeletedRemindersDeadlinePostsNothing() {
        MessageId reminderId = new MessageId(id(32));
        Reminder reminder = new Reminder(START.plus(Duration.ofHours(2)), TEXT);
        given(group())
                .andGivenCommands(new PostMessage(GROUP, reminderId, ADA, false, MessageType.REMINDER, null, List.of(), null, reminder, null),
                        new DeleteMessage(GROUP, reminderId, ADA, false))
                .whenTimeElapses(Duration.ofHours(3))
                .expectNoEvents();
    }

    @Test
    void aMessageMustHaveTheShapeOfItsType() {
        given(group())
                .when(new PostMessage(GROUP, HELLO, ADA, false, MessageType.TEXT, null, List.of(), null, null, null))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
        given(group())
                .when(new PostMessage(GROUP, HELLO, ADA, false, MessageType.SYSTEM, TEXT, List.of(), null, null, null))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
        given(group())
                .andGivenCurrentTime(START)
                .when(new PostMessage(GROUP, HELLO, ADA, false, MessageType.REMINDER, null, List.of(), null,
                        new Reminder(START.minusSeconds(1), TEXT), null))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void aRetriedPostIsAnsweredAsItWasAndPostsNothing() {
        given(group(), posted(HELLO, ADA, 2))
                .andGivenCurrentTime(START.plusSeconds(90))
                .when(post(HELLO, ADA))
                .expectNoEvents()
                .expectResultMessagePayload(new MessageReceipt(2, START));
        ConversationSettingsChanged slow = new ConversationSettingsChanged(GROUP, 2, "Supper", 30, false, ADA, START);
        given(group(), slow, posted(HELLO, GRACE, 3))
                .andGivenCurrentTime(START.plusSeconds(10))
                .when(post(HELLO, GRACE))
                .expectNoEvents()
                .expectResultMessagePayload(new MessageReceipt(3, START));
    }

    @Test
    void aPostsIdAnswersOnlyForItsOwnMessage() {
        given(group(), posted(HELLO, ADA, 2))
                .when(post(HELLO, GRACE))
                .expectException(refusedWith(ErrorCode.ID_ALREADY_USED));
        given(group(), posted(HELLO, ADA, 2), new MessageDeleted(GROUP, 3, HELLO, ADA, List.of(), START))
                .when(post(HELLO, ADA))
                .expectException(refusedWith(ErrorCode.NOT_FOUND));
    }

    private static org.hamcrest.Matcher<Object> systemMessageReplyingTo(MessageId reminderId) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object payload) {
                return payload instanceof MessagePosted posted && posted.type() == MessageType.SYSTEM && posted.senderId() == null
                        && reminderId.equals(posted.replyToMessageId()) && posted.seq() == 4;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a SYSTEM message with seq 4 replying to ").appendValue(reminderId);
            }
        };
    }

    private static ConversationStarted group() {
        return new ConversationStarted(GROUP, 1, ConversationKind.GROUP, "Supper", null, ADA, List.of(ADA, GRACE), START);
    }

    private static ConversationStarted gathering() {
        return new ConversationStarted(CHAT, 1, ConversationKind.GATHERING, null, GATHERING, HOST, List.of(HOST), START);
    }

    private static PostMessage post(MessageId messageId, UserId sender) {
        return post(GROUP, messageId, sender);
    }

    private static PostMessage post(ConversationId conversationId, MessageId messageId, UserId sender) {
        return new PostMessage(conversationId, messageId, sender, false, MessageType.TEXT, TEXT, List.of(), null, null, null);
    }

    private static MessagePosted posted(MessageId messageId, UserId sender, long seq) {
        return posted(GROUP, messageId, sender, seq);
    }

    private static MessagePosted posted(ConversationId conversationId, MessageId messageId, UserId sender, long seq) {
        return new MessagePosted(conversationId, seq, messageId, sender, MessageType.TEXT, TEXT, List.of(), null, null, null, START);
    }

    private static UUID id(int n) {
        return new UUID(0x5014_0000_0000_4000L, 0x8000_0000_0000_0000L + n);
    }
}
