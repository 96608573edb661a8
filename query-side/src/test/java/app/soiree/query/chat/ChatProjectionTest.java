package app.soiree.query.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.chat.ConversationKind;
import app.soiree.api.chat.ConversationStarted;
import app.soiree.api.chat.MemberRole;
import app.soiree.api.chat.MessageId;
import app.soiree.api.chat.MessagePosted;
import app.soiree.api.chat.RemovalReason;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserRegistered;
import app.soiree.query.GatheringScenario;
import app.soiree.query.ProjectionTest;
import app.soiree.query.RecordedPushes;
import app.soiree.query.realtime.PushEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The chat read model fed event by event as its tracking processor feeds it, redeliveries included, and read as members read it. */
class ChatProjectionTest extends ProjectionTest {

    final UserId ana = UserId.random();
    final UserId ben = UserId.random();
    final UserId cleo = UserId.random();
    final UserId stranger = UserId.random();

    @Autowired
    ConversationReads reads;
    @Autowired
    ReadMarkers readMarkers;
    @Autowired
    RecordedPushes pushes;

    ChatScenario chat;

    @BeforeEach
    void freshConversation() {
        jdbc.sql("truncate content_keys").update();
        pushes.clear();
        chat = new ChatScenario(jdbc);
        for (UserId user : List.of(ana, ben, cleo)) {
            events.publish(new UserRegistered(user, user + "@soiree.test", name(user), null, Set.of(Role.GUEST), ChatScenario.START));
        }
    }

    @Test
    void aGroupStartsWithItsOwnerAndMembersAndIsListedForEachOfThem() {
        events.publish(chat.group(ana, "Climbing", ben, cleo));

        ConversationView view = reads.conversation(chat.id, ben);
        assertThat(view.kind()).isEqualTo(ConversationKind.GROUP);
        assertThat(view.title()).isEqualTo("Climbing");
        assertThat(view.members().getFirst()).isEqualTo(new ConversationView.Member(ana, "Ana", MemberRole.OWNER));
        assertThat(view.members()).containsExactlyInAnyOrder(new ConversationView.Member(ana, "Ana", MemberRole.OWNER),
                new ConversationView.Member(ben, "Ben", MemberRole.MEMBER), new ConversationView.Member(cleo, "Cleo", MemberRole.MEMBER));
        assertThat(view.settings()).isEqualTo(new ConversationView.Settings(0, false));
        assertThat(list(cleo)).singleElement().satisfies(summary -> {
            assertThat(summary.memberCount()).isEqualTo(3);
            assertThat(summary.lastSeq()).isEqualTo(1);
            assertThat(summary.unreadCount()).isZero();
            assertThat(summary.lastMessage()).isNull();
        });
        assertThat(pushes.to(cleo, "conversation.updated")).singleElement().satisfies(push -> assertThat(push.seq()).isEqualTo(1));
    }

    @Test
    void aDirectConversationIsTitledWithTheOtherMembersNameAndAGatheringsWithTheGatheringsTitle() {
        events.publish(chat.direct(ana, ben));
        GatheringScenario supper = GatheringScenario.hostedBy(cleo).titled("Supper club", "Five courses");
        ChatScenario gatheringChat = new ChatScenario(jdbc);
        events.publish(supper.created(), supper.published(), gatheringChat.gathering(supper.id(), cleo), gatheringChat.add(null, ana));

        assertThat(reads.conversation(chat.id, ana).title()).isEqualTo("Ben");
        assertThat(reads.conversation(chat.id, ben).title()).isEqualTo("Ana");
        assertThat(reads.conversation(gatheringChat.id, ana).title()).isEqualTo("Supper club");
        assertThat(reads.conversation(gatheringChat.id, ana).members()).extracting(ConversationView.Member::role)
                .containsExactly(MemberRole.HOST, MemberRole.MEMBER);
        assertThat(list(ana)).extracting(ConversationSummary::title).containsExactlyInAnyOrder("Ben", "Supper club");
    }

    @Test
    void messagesAreReadNewestFirstWithTheirTextOpenedAndTheirReactionsCounted() {
        events.publish(chat.group(ana, "Climbing", ben));
        List<MessagePosted> posted = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            MessagePosted message = chat.text(i % 2 == 0 ? ana : ben, "message " + i);
            posted.add(message);
            events.publish(message);
        }
        MessageId third = posted.get(2).messageId();
        events.publish(chat.react(third, ana, "🔥"), chat.react(third, ben, "🔥"), chat.react(third, ben, "👍"));

        var firstPage = reads.messages(chat.id, ana, null, 2);
        assertThat(firstPage.items()).extracting(MessageView::text).containsExactly("message 5", "message 4");
        assertThat(firstPage.nextCursor()).isEqualTo(Long.toString(posted.get(3).seq()));
        var secondPage = reads.messages(chat.id, ana, Long.parseLong(firstPage.nextCursor()), 2);
        assertThat(secondPage.items()).extracting(MessageView::text).containsExactly("message 3", "message 2");
        assertThat(secondPage.items().getFirst().reactions()).containsExactly(new MessageView.Reaction("🔥", 2, true),
                new MessageView.Reaction("👍", 1, false));
        var lastPage = reads.messages(chat.id, ana, Long.parseLong(secondPage.nextCursor()), 2);
        assertThat(lastPage.items()).extracting(MessageView::text).containsExactly("message 1");
        assertThat(lastPage.nextCursor()).isNull();
    }

    @Test
    void aMessageWhoseKeyIsGoneHasNoText() {
        events.publish(chat.group(ana, "Climbing", ben));
        MessagePosted message = chat.text(ana, "gone before it was read");
        jdbc.sql("truncate content_keys").update();
        events.publish(message);

        assertThat(reads.messages(chat.id, ben, null, 10).items()).singleElement().satisfies(view -> {
            assertThat(view.text()).isNull();
            assertThat(view.seq()).isEqualTo(2);
        });
    }

    @Test
    void aDeletedMessageLosesItsTextMediaReminderTextAndReactionsButKeepsItsPlace() {
        events.publish(chat.group(ana, "Climbing", ben));
        MessagePosted image = chat.image(ana, "summit", UUID.randomUUID());
        MessagePosted reminder = chat.reminder(ana, "bring ropes", ChatScenario.START.plus(Duration.ofDays(1)));
        events.publish(image, reminder, chat.react(image.messageId(), ben, "🔥"));
        assertThat(reads.list(ben, null, null, null, 20).items().getFirst().unreadCount()).isEqualTo(2);

        events.publish(chat.delete(image.messageId(), ana, image.mediaIds().toArray(UUID[]::new)), chat.delete(reminder.messageId(), ana));

        assertThat(reads.messages(chat.id, ben, null, 10).items()).allSatisfy(view -> {
            assertThat(view.deleted()).isTrue();
            assertThat(view.text()).isNull();
            assertThat(view.media()).isNull();
            assertThat(view.reactions()).isEmpty();
            assertThat(view.senderId()).isEqualTo(ana);
        });
        MessageView deletedReminder = reads.messages(chat.id, ben, null, 10).items().getFirst();
        assertThat(deletedReminder.reminder()).isNotNull();
        assertThat(deletedReminder.reminder().text()).isNull();
        assertThat(jdbc.sql("select count(*) from chat_messages where text is not null or reminder_text is not null or cardinality(media_ids) > 0")
                .query(Long.class).single()).isZero();
        assertThat(list(ben).getFirst().unreadCount()).isZero();
        assertThat(pushes.to(ben, "unread.total")).last().extracting(PushEnvelope::data).isEqualTo(new UnreadCounts.UnreadTotal(0));
    }

    @Test
    void anEditAndAFiredReminderUpdateTheMessageAndAreEachAChange() {
        events.publish(chat.group(ana, "Climbing", ben));
        MessagePosted reminder = chat.reminder(ana, "bring ropes", ChatScenario.START.plus(Duration.ofMinutes(5)));
        events.publish(reminder, chat.edit(reminder.messageId(), "bring two ropes"), chat.fired(reminder.messageId()));

        MessageView view = reads.messages(chat.id, ben, null, 10).items().getFirst();
        assertThat(view.text()).isEqualTo("bring two ropes");
        assertThat(view.editedAt()).isNotNull();
        assertThat(view.reminder().firedAt()).isNotNull();
        assertThat(view.reminder().text()).isEqualTo("bring ropes");
        assertThat(reads.changes(chat.id, ben, 1, 100).items()).extracting(ChangePage.Change::type)
                .containsExactly("message.new", "message.updated", "message.updated");
        assertThat(pushes.to(ben, "message.updated")).hasSize(2);
    }

    @Test
    void unreadCountsAreOthersUndeletedMessagesAfterTheMarkerAndTheMarkerOnlyMovesUp() {
        events.publish(chat.group(ana, "Climbing", ben));
        events.publish(chat.text(ana, "one"), chat.text(ben, "mine"), chat.text(ana, "two"), chat.text(ana, "three"));

        assertThat(list(ben).getFirst().unreadCount()).isEqualTo(3);
        assertThat(list(ana).getFirst().unreadCount()).isEqualTo(1);

        readMarkers.markRead(chat.id, ben, 4);
        assertThat(list(ben).getFirst()).satisfies(summary -> {
            assertThat(summary.lastReadSeq()).isEqualTo(4);
            assertThat(summary.unreadCount()).isEqualTo(1);
        });
        readMarkers.markRead(chat.id, ben, 2);
        assertThat(list(ben).getFirst().lastReadSeq()).isEqualTo(4);
        readMarkers.markRead(chat.id, ben, 999);
        assertThat(list(ben).getFirst()).satisfies(summary -> {
            assertThat(summary.lastReadSeq()).as("never past the last seq").isEqualTo(5);
            assertThat(summary.unreadCount()).isZero();
        });
        assertThat(pushes.to(ben, "read.updated")).extracting(PushEnvelope::data)
                .containsExactly(new ReadMarkers.ReadUpdated(4), new ReadMarkers.ReadUpdated(5));
        assertThat(pushes.to(ben, "unread.total")).last().extracting(PushEnvelope::data).isEqualTo(new UnreadCounts.UnreadTotal(0));
    }

    @Test
    void theMemberCountKeptWithEachChangeIsAlwaysTheCountOfMembersRedeliveriesIncluded() {
        UserId dan = UserId.random();
        var started = chat.group(ana, "Climbing", ben);
        var addCleo = chat.add(ana, cleo);
        var benLeaves = chat.remove(ben, RemovalReason.LEFT, ben);
        List<Runnable> steps = List.of(
                () -> events.publish(started),
                () -> events.deliver(ConversationProjection.PROCESSING_GROUP, GenericEventMessage.asEventMessage(started)),
                () -> events.publish(addCleo),
                () -> events.deliver(ConversationProjection.PROCESSING_GROUP, GenericEventMessage.asEventMessage(addCleo)),
                () -> events.publish(benLeaves),
                () -> events.deliver(ConversationProjection.PROCESSING_GROUP, GenericEventMessage.asEventMessage(benLeaves)),
                () -> events.publish(chat.add(ana, ben, dan)), // Ben comes back, Dan is new
                () -> events.publish(chat.ownerLeaves(ana, cleo)));
        List<Integer> expected = List.of(2, 2, 3, 3, 2, 2, 4, 3);
        for (int step = 0; step < steps.size(); step++) {
            steps.get(step).run();
            assertThat(jdbc.sql("""
                            select c.member_count from chat_conversations c where c.conversation_id = :id
                              and c.member_count = (select count(*) from chat_members m where m.conversation_id = c.conversation_id and not m.removed)""")
                    .param("id", chat.id.value()).query(Integer.class).optional())
                    .as("the kept member count, equal to the members counted, after step %d", step).contains(expected.get(step));
        }
    }

    @Test
    void theUnreadCountKeptWithEachChangeIsAlwaysTheCountFromTheMessagesRedeliveriesAndMarkersIncluded() {
        events.publish(chat.group(ana, "Climbing", ben, cleo));
        MessagePosted one = chat.text(ana, "one");
        MessagePosted mine = chat.text(ben, "mine");
        MessagePosted two = chat.text(cleo, "two");
        MessagePosted three = chat.text(ana, "three");
        List<Runnable> steps = List.of(
                () -> events.publish(one, mine),
                () -> events.deliver(ConversationProjection.PROCESSING_GROUP, GenericEventMessage.asEventMessage(one)),
                () -> readMarkers.markRead(chat.id, ben, 2),
                () -> events.publish(two, three),
                () -> events.publish(chat.delete(one.messageId(), ana)), // read by Ben already, unread for Cleo
                () -> events.publish(chat.delete(three.messageId(), ana)), // unread for Ben and Cleo
                () -> readMarkers.markRead(chat.id, cleo, 3),
                () -> events.publish(chat.remove(ben, RemovalReason.LEFT, ben), chat.text(ana, "while Ben is away")),
                () -> events.publish(chat.add(ana, ben), chat.text(cleo, "welcome back")),
                () -> events.publish(chat.delete(mine.messageId(), ben)), // his own: it never counted for him
                () -> readMarkers.markRead(chat.id, ana, 999));
        for (int step = 0; step < steps.size(); step++) {
            steps.get(step).run();
            assertThat(jdbc.sql("select count(*) from chat_members m where not m.removed and m.unread <> " + UnreadCounts.COUNTED)
                    .query(Long.class).single()).as("member rows whose kept count differs after step %d", step).isZero();
        }
        assertThat(list(ben).getFirst().unreadCount()).as("Cleo's welcome back").isEqualTo(1);
        assertThat(list(cleo).getFirst().unreadCount()).as("nothing after her marker at seq 3 but what Ana and Ben deleted or she wrote; Ana's "
                + "'while Ben is away'").isEqualTo(1);
        assertThat(list(ana).getFirst().unreadCount()).isZero();
        assertThat(pushes.to(ben, "unread.total")).last().extracting(PushEnvelope::data).isEqualTo(new UnreadCounts.UnreadTotal(1));
    }

    @Test
    void aNewMessageIsPushedToEveryMemberAndTheUnreadTotalToTheOthers() {
        events.publish(chat.group(ana, "Climbing", ben, cleo));
        pushes.clear();
        MessagePosted hello = chat.text(ana, "hello");
        events.publish(hello);

        for (UserId member : List.of(ana, ben, cleo)) {
            assertThat(pushes.to(member, "message.new")).singleElement().satisfies(push -> {
                assertThat(push.conversationId()).isEqualTo(chat.id.value());
                assertThat(push.seq()).isEqualTo(hello.seq());
                assertThat(((MessageView) push.data()).text()).isEqualTo("hello");
            });
        }
        assertThat(pushes.to(ana, "unread.total")).isEmpty();
        assertThat(pushes.to(ben, "unread.total")).extracting(PushEnvelope::data).containsExactly(new UnreadCounts.UnreadTotal(1));
        assertThat(pushes.to(stranger)).isEmpty();
    }

    @Test
    void whereThisProcessKnowsWhoHasASocketChangesArePushedToTheMembersAmongThemOnly() {
        UserId dan = UserId.random();
        UserId eve = UserId.random();
        events.publish(chat.group(ana, "Climbing", ben, cleo, dan));
        MessagePosted hello = chat.text(ana, "hello");
        events.publish(hello);
        pushes.clear();
        pushes.online(ben, stranger); // fewer than the members: the members are found among them

        events.publish(chat.add(ana, eve), chat.react(hello.messageId(), cleo, "👍"), chat.settings("Bouldering", 0, false, ana));

        for (String type : List.of("member.added", "reaction.changed", "conversation.updated")) {
            assertThat(pushes.all()).filteredOn(push -> push.envelope().type().equals(type)).extracting(RecordedPushes.Sent::userId)
                    .as(type).containsExactly(ben);
        }

        pushes.clear();
        pushes.online(ana, ben, cleo, dan, eve, stranger); // as many as the members or more: every member is read, as without a registry
        events.publish(chat.remove(dan, RemovalReason.LEFT, dan));

        assertThat(pushes.all()).filteredOn(push -> push.envelope().type().equals("member.removed")).extracting(RecordedPushes.Sent::userId)
                .containsExactlyInAnyOrder(ana, ben, cleo, eve, dan);
    }

    @Test
    void aReactionPushTellsWhoReactedAndMessagesShowWhichReactionsAreMine() {
        events.publish(chat.group(ana, "Climbing", ben));
        MessagePosted hello = chat.text(ana, "hello");
        events.publish(hello, chat.react(hello.messageId(), ben, "👍"), chat.react(hello.messageId(), ana, "👍"),
                chat.unreact(hello.messageId(), ben, "👍"));

        assertThat(pushes.to(ana, "reaction.changed")).extracting(PushEnvelope::data).containsExactly(
                new MessageProjection.ReactionChanged(hello.messageId(), ben, "👍", true, 1),
                new MessageProjection.ReactionChanged(hello.messageId(), ana, "👍", true, 2),
                new MessageProjection.ReactionChanged(hello.messageId(), ben, "👍", false, 1));
        assertThat(reads.messages(chat.id, ana, null, 1).items().getFirst().reactions()).containsExactly(new MessageView.Reaction("👍", 1, true));
        assertThat(reads.messages(chat.id, ben, null, 1).items().getFirst().reactions()).containsExactly(new MessageView.Reaction("👍", 1, false));
    }

    @Test
    void changesAfterASeqAreGaplessPagedAndCarryTheMessageAsItIsNow() {
        events.publish(chat.group(ana, "Climbing", ben));
        MessagePosted first = chat.text(ana, "first");
        events.publish(first, chat.add(ana, cleo), chat.text(ben, "second"), chat.settings("Bouldering", 30, false, ana),
                chat.delete(first.messageId(), ana));

        ChangePage all = reads.changes(chat.id, cleo, 0, 100);
        assertThat(all.items()).extracting(ChangePage.Change::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(all.items()).extracting(ChangePage.Change::type).containsExactly("conversation.updated", "message.new", "member.added",
                "message.new", "conversation.updated", "message.deleted");
        assertThat(all.items().get(1).message()).satisfies(message -> {
            assertThat(message.deleted()).isTrue();
            assertThat(message.text()).isNull();
        });
        assertThat(all.items().get(2).message()).isNull();
        assertThat(all.lastSeq()).isEqualTo(6);
        assertThat(all.hasMore()).isFalse();

        ChangePage page = reads.changes(chat.id, cleo, 2, 2);
        assertThat(page.items()).extracting(ChangePage.Change::seq).containsExactly(3L, 4L);
        assertThat(page.hasMore()).isTrue();
        assertThat(reads.changes(chat.id, cleo, 4, 2).hasMore()).isFalse();
        assertThat(reads.changes(chat.id, cleo, 6, 2).items()).isEmpty();
        assertThat(reads.conversation(chat.id, cleo).title()).isEqualTo("Bouldering");
        assertThat(reads.conversation(chat.id, cleo).settings().slowModeSeconds()).isEqualTo(30);
    }

    @Test
    void everythingAboutAConversationIsNotFoundForStrangersAndRemovedMembers() {
        events.publish(chat.group(ana, "Climbing", ben, cleo), chat.text(ana, "hello"), chat.remove(cleo, RemovalReason.LEFT, cleo));

        for (UserId outsider : List.of(stranger, cleo)) {
            assertNotFound(() -> reads.conversation(chat.id, outsider));
            assertNotFound(() -> reads.messages(chat.id, outsider, null, 10));
            assertNotFound(() -> reads.changes(chat.id, outsider, 0, 10));
            assertNotFound(() -> readMarkers.markRead(chat.id, outsider, 2));
        }
        assertThat(list(cleo)).isEmpty();
        assertThat(list(ana).getFirst().memberCount()).isEqualTo(2);
        assertThat(pushes.to(cleo, "member.removed")).singleElement().satisfies(push -> assertThat(push.data())
                .isEqualTo(new ConversationProjection.MemberLeft(cleo, RemovalReason.LEFT, cleo, null)));
        assertThat(pushes.to(cleo, "unread.total")).extracting(PushEnvelope::data).containsExactly(new UnreadCounts.UnreadTotal(1),
                new UnreadCounts.UnreadTotal(0));
    }

    @Test
    void whenAGroupsOwnerLeavesTheMemberTheAggregateNamedOwnsIt() {
        events.publish(chat.group(ana, "Climbing", ben, cleo), chat.ownerLeaves(ana, ben), chat.add(ben, ana));

        assertThat(reads.conversation(chat.id, cleo).members()).extracting(ConversationView.Member::userId, ConversationView.Member::role)
                .containsExactlyInAnyOrder(Tuple.tuple(ben, MemberRole.OWNER),
                        Tuple.tuple(cleo, MemberRole.MEMBER), Tuple.tuple(ana, MemberRole.MEMBER));
        assertThat(pushes.to(cleo, "member.removed")).singleElement().satisfies(push -> assertThat(push.data())
                .isEqualTo(new ConversationProjection.MemberLeft(ana, RemovalReason.LEFT, ana, ben)));
    }

    @Test
    void aMemberWhoJoinsLaterStartsWithNothingUnreadButCanReadTheHistory() {
        events.publish(chat.group(ana, "Climbing", ben), chat.text(ana, "before cleo"), chat.add(ana, cleo), chat.text(ana, "after cleo"));

        assertThat(list(cleo).getFirst()).satisfies(summary -> {
            assertThat(summary.lastReadSeq()).isEqualTo(3);
            assertThat(summary.unreadCount()).isEqualTo(1);
            assertThat(summary.lastMessage().text()).isEqualTo("after cleo");
        });
        assertThat(reads.messages(chat.id, cleo, null, 10).items()).extracting(MessageView::text).containsExactly("after cleo", "before cleo");
    }

    @Test
    void aRedeliveredChangeIsAppliedAndPushedOnce() {
        events.publish(chat.group(ana, "Climbing", ben));
        EventMessage<?> hello = GenericEventMessage.asEventMessage(chat.text(ana, "hello"));
        EventMessage<?> reaction = GenericEventMessage.asEventMessage(
                chat.react(((MessagePosted) hello.getPayload()).messageId(), ben, "👍"));
        pushes.clear();

        events.deliver(ConversationProjection.PROCESSING_GROUP, hello);
        events.deliver(ConversationProjection.PROCESSING_GROUP, reaction);
        events.deliver(ConversationProjection.PROCESSING_GROUP, hello);
        events.deliver(ConversationProjection.PROCESSING_GROUP, reaction);

        assertThat(reads.messages(chat.id, ana, null, 10).items()).singleElement()
                .satisfies(message -> assertThat(message.reactions()).containsExactly(new MessageView.Reaction("👍", 1, false)));
        assertThat(reads.changes(chat.id, ana, 0, 10).items()).hasSize(3);
        assertThat(pushes.to(ben, "message.new")).hasSize(1);
        assertThat(pushes.to(ben, "reaction.changed")).hasSize(1);
    }

    @Test
    void aChangeThatSkipsASeqIsRefusedSoThatItIsParkedRatherThanAppliedOverAHole() {
        events.publish(chat.group(ana, "Climbing", ben));
        MessagePosted afterAHole = chat.skipping(ana, "where is seq 2?");

        assertThatThrownBy(() -> events.publish(afterAHole)).hasMessageContaining("missing");
        assertThat(list(ana).getFirst().lastSeq()).isEqualTo(1);
    }

    @Test
    void aConversationsChangesMayArriveAgainFromAnyEarlierPointAndTheReadModelEndsTheSame() {
        ChatScenario once = new ChatScenario(jdbc);
        List<Object> stream = life(once);
        stream.forEach(events::publish);
        Snapshot expected = snapshot(once);

        for (long seed = 1; seed <= 5; seed++) {
            ChatScenario again = new ChatScenario(jdbc);
            List<EventMessage<?>> messages = life(again).stream().<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();
            java.util.Random random = new java.util.Random(seed);
            int applied = 0;
            while (applied < messages.size()) {
                int until = Math.min(messages.size(), applied + 1 + random.nextInt(4));
                for (int i = applied; i < until; i++) {
                    events.deliver(ConversationProjection.PROCESSING_GROUP, messages.get(i));
                }
                // A processor that rolled back redelivers from an earlier token: some of what it applied comes again.
                int from = random.nextInt(until + 1);
                for (int i = from; i < until; i++) {
                    events.deliver(ConversationProjection.PROCESSING_GROUP, messages.get(i));
                }
                applied = until;
            }
            assertThat(snapshot(again)).as("seed %d", seed).isEqualTo(expected);
        }
    }

    /** The same life for any conversation, with its own ids. */
    private List<Object> life(ChatScenario chat) {
        List<Object> stream = new ArrayList<>();
        ConversationStarted started = chat.group(ana, "Climbing", ben);
        stream.add(started);
        MessagePosted first = chat.text(ana, "first");
        MessagePosted second = chat.text(ben, "second");
        stream.addAll(List.of(first, second, chat.react(first.messageId(), ben, "👍"), chat.add(ana, cleo), chat.text(cleo, "third"),
                chat.react(first.messageId(), cleo, "👍"), chat.unreact(first.messageId(), ben, "👍"), chat.edit(second.messageId(), "2nd"),
                chat.delete(first.messageId(), ana), chat.remove(ben, RemovalReason.REMOVED, ana), chat.settings("Bouldering", 10, true, ana),
                chat.text(ana, "fourth")));
        return stream;
    }

    private Snapshot snapshot(ChatScenario chat) {
        List<String> changes = reads.changes(chat.id, ana, 0, 500).items().stream()
                .map(change -> change.seq() + " " + change.type() + " " + (change.message() == null ? "" : render(change.message()))).toList();
        List<String> messages = reads.messages(chat.id, ana, null, 100).items().stream().map(ChatProjectionTest::render).toList();
        List<String> members = reads.conversation(chat.id, ana).members().stream().map(member -> name(member.userId())).toList();
        ConversationSummary summary = list(cleo).stream().filter(item -> item.conversationId().equals(chat.id)).findFirst().orElseThrow();
        return new Snapshot(changes, messages, members, summary.memberCount() + " members, " + summary.unreadCount() + " unread for Cleo");
    }

    private static String render(MessageView message) {
        return message.seq() + ":" + message.text() + ":" + message.deleted() + ":" + message.reactions() + ":" + (message.editedAt() != null);
    }

    private record Snapshot(List<String> changes, List<String> messages, List<String> members, String summary) {
    }

    private List<ConversationSummary> list(UserId user) {
        return reads.list(user, null, null, null, 100).items();
    }

    private String name(UserId user) {
        return user.equals(ana) ? "Ana" : user.equals(ben) ? "Ben" : user.equals(cleo) ? "Cleo" : "Someone";
    }

    private static void assertNotFound(Runnable read) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(SoireeException.class,
                refused -> assertThat(refused.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }
}
