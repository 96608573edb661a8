package app.soiree.query.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.soiree.api.chat.ChatDigest;
import app.soiree.api.chat.FindChatDigest;
import app.soiree.api.chat.MessagePosted;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserRegistered;
import app.soiree.api.social.RelationshipId;
import app.soiree.api.social.UserBlocked;
import app.soiree.api.social.UserUnblocked;
import app.soiree.query.ProjectionTest;
import app.soiree.query.RecordedPushes;
import app.soiree.query.realtime.PushEnvelope;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A member who blocked another does not read what the blocked member says in a conversation they share. */
class ChatBlockingTest extends ProjectionTest {

    final UserId ana = UserId.random();
    final UserId ben = UserId.random();
    final UserId cleo = UserId.random();

    @Autowired
    ConversationReads reads;
    @Autowired
    RecordedPushes pushes;
    @Autowired
    UnreadCounts unreadCounts;
    @Autowired
    ReadMarkers readMarkers;
    @Autowired
    ChatDigests digests;

    ChatScenario chat;

    @BeforeEach
    void anaBlockedBenAndTheyShareAGroupWithCleo() {
        jdbc.sql("truncate content_keys").update();
        pushes.clear();
        chat = new ChatScenario(jdbc);
        for (UserId user : List.of(ana, ben, cleo)) {
            events.publish(new UserRegistered(user, user + "@soiree.test", "User", null, Set.of(Role.GUEST), ChatScenario.START));
        }
        events.publish(chat.group(cleo, "Climbing", ana, ben),
                new UserBlocked(RelationshipId.between(ana, ben), ana, ben, ChatScenario.START));
    }

    @Test
    void theBlockersMessagePagesLeaveTheBlockedSenderOut() {
        MessagePosted fromBen = chat.text(ben, "saturday?");
        MessagePosted fromCleo = chat.text(cleo, "yes");
        events.publish(fromBen, fromCleo, chat.text(ben, "the usual crag"));

        assertThat(reads.messages(chat.id, ana, null, 20).items()).extracting(MessageView::messageId).containsExactly(fromCleo.messageId());
        assertThat(reads.messages(chat.id, cleo, null, 20).items()).hasSize(3);
        assertThat(reads.messages(chat.id, ana, null, 1).nextCursor()).isNull();
    }

    @Test
    void theBlockersChangesKeepEverySeqWithTheBlockedSendersMessagesHidden() {
        MessagePosted fromBen = chat.text(ben, "saturday?");
        events.publish(fromBen, chat.text(cleo, "yes"), chat.edit(fromBen.messageId(), "saturday at ten?"));

        ChangePage changes = reads.changes(chat.id, ana, 0, 100);
        assertThat(changes.items()).extracting(ChangePage.Change::seq).containsExactly(1L, 2L, 3L, 4L);
        MessageView hidden = changes.items().get(1).message();
        assertThat(hidden.hidden()).isTrue();
        assertThat(hidden.text()).isNull();
        assertThat(hidden.senderId()).isEqualTo(ben);
        assertThat(changes.items().get(2).message().hidden()).isFalse();
        assertThat(changes.items().get(2).message().text()).isEqualTo("yes");
        MessageView seenByCleo = reads.changes(chat.id, cleo, 0, 100).items().get(1).message();
        assertThat(seenByCleo.hidden()).isFalse();
        assertThat(seenByCleo.text()).isEqualTo("saturday at ten?");
    }

    @Test
    void theBlockerIsNotToldOfTheBlockedSendersNewOrEditedMessages() {
        MessagePosted fromBen = chat.text(ben, "saturday?");
        events.publish(fromBen, chat.edit(fromBen.messageId(), "saturday at ten?"), chat.text(cleo, "yes"));

        assertThat(pushes.to(ana, "message.new")).extracting(PushEnvelope::seq).containsExactly(4L);
        assertThat(pushes.to(ana, "message.updated")).isEmpty();
        assertThat(pushes.to(cleo, "message.new")).extracting(PushEnvelope::seq).containsExactly(2L, 4L);
        assertThat(pushes.to(cleo, "message.updated")).hasSize(1);
        assertThat(pushes.to(ben, "message.new")).hasSize(2);
    }

    @Test
    void theBlockersListingShowsNoTextOfTheBlockedSendersLastMessageAndUnblockingShowsItAgain() {
        events.publish(chat.text(ben, "saturday?"));

        assertThat(reads.list(ana, null, null, null, 20).items().getFirst().lastMessage().text()).isNull();
        assertThat(reads.list(cleo, null, null, null, 20).items().getFirst().lastMessage().text()).isEqualTo("saturday?");

        events.publish(new UserUnblocked(RelationshipId.between(ana, ben), ana, ben, ChatScenario.START));
        assertThat(reads.list(ana, null, null, null, 20).items().getFirst().lastMessage().text()).isEqualTo("saturday?");
        assertThat(reads.messages(chat.id, ana, null, 20).items()).hasSize(1);
    }

    @Test
    void theBlockersUnreadCountsLeaveTheBlockedSenderOutAndUnblockingCountsThemAgain() {
        events.publish(chat.text(ben, "saturday?"), chat.text(cleo, "yes"), chat.text(ben, "the usual crag"));

        assertThat(reads.list(ana, null, null, null, 20).items().getFirst().unreadCount()).isEqualTo(1);
        assertThat(unreadCounts.totals(List.of(ana, cleo).stream().map(UserId::value).toList()))
                .containsEntry(ana.value(), 1L).containsEntry(cleo.value(), 2L);
        assertThat(digests.handle(new FindChatDigest(chat.id)).away()).extracting(ChatDigest.Away::userId, ChatDigest.Away::unread)
                .contains(tuple(ana, 1L), tuple(cleo, 2L));

        readMarkers.markRead(chat.id, ana, 3); // read up to Cleo's message: what is left unread is Ben's alone
        assertThat(reads.list(ana, null, null, null, 20).items().getFirst().unreadCount()).isZero();
        assertThat(unreadCounts.totals(List.of(ana.value()))).containsEntry(ana.value(), 0L);
        assertThat(digests.handle(new FindChatDigest(chat.id)).away()).extracting(ChatDigest.Away::userId).doesNotContain(ana);

        pushes.clear();
        events.publish(new UserUnblocked(RelationshipId.between(ana, ben), ana, ben, ChatScenario.START));
        assertThat(reads.list(ana, null, null, null, 20).items().getFirst().unreadCount()).isEqualTo(1);
        assertThat(unreadCounts.totals(List.of(ana.value()))).containsEntry(ana.value(), 1L);
        assertThat(pushes.to(ana, "unread.total")).as("the unblock is pushed as her new total").last()
                .extracting(PushEnvelope::data).isEqualTo(new UnreadCounts.UnreadTotal(1));

        events.publish(new UserBlocked(RelationshipId.between(ana, ben), ana, ben, ChatScenario.START));
        assertThat(pushes.to(ana, "unread.total")).as("and a block again").last()
                .extracting(PushEnvelope::data).isEqualTo(new UnreadCounts.UnreadTotal(0));
    }
}
