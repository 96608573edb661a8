package app.soiree.query.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.identity.UserId;
import app.soiree.query.ProjectionTest;
import app.soiree.query.RecordedPushes;
import app.soiree.query.realtime.PushEnvelope;
import java.security.Principal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The socket's two inputs, called as the message broker calls them, with the user id as the principal's name. */
class ChatSocketControllerTest extends ProjectionTest {

    final UserId ana = UserId.random();
    final UserId ben = UserId.random();
    final UserId stranger = UserId.random();

    @Autowired
    ChatSocketController socket;
    @Autowired
    ConversationReads reads;
    @Autowired
    RecordedPushes pushes;

    ChatScenario chat;

    @BeforeEach
    void aConversation() {
        jdbc.sql("truncate content_keys").update();
        chat = new ChatScenario(jdbc);
        events.publish(chat.group(ana, "Climbing", ben), chat.text(ana, "hello"));
        pushes.clear();
    }

    @Test
    void typingReachesTheOtherMembersAtMostOnceASecondAndStoppingRightAfter() {
        socket.typing(chat.id.toString(), new ChatSocketController.TypingInput(true), principal(ana));
        socket.typing(chat.id.toString(), new ChatSocketController.TypingInput(true), principal(ana));
        socket.typing(chat.id.toString(), new ChatSocketController.TypingInput(true), principal(ana));
        socket.typing(chat.id.toString(), new ChatSocketController.TypingInput(false), principal(ana));
        socket.typing(chat.id.toString(), new ChatSocketController.TypingInput(false), principal(ana));

        assertThat(pushes.to(ben, "typing")).extracting(PushEnvelope::data).containsExactly(
                new ChatSocketController.Typing(ana, true), new ChatSocketController.Typing(ana, false));
        assertThat(pushes.to(ana)).isEmpty();
    }

    @Test
    void whereThisProcessKnowsWhoHasASocketTypingReachesTheOtherMembersAmongThem() {
        UserId cleo = UserId.random();
        UserId dan = UserId.random();
        ChatScenario larger = new ChatScenario(jdbc);
        events.publish(larger.group(ana, "Bouldering", ben, cleo, dan));
        pushes.clear();
        pushes.online(ana, ben, stranger);

        socket.typing(larger.id.toString(), new ChatSocketController.TypingInput(true), principal(ana));

        assertThat(pushes.all()).extracting(RecordedPushes.Sent::userId).containsExactly(ben);
    }

    @Test
    void aStrangerIsToldNotFoundAndNobodyElseHearsOfIt() {
        socket.typing(chat.id.toString(), new ChatSocketController.TypingInput(true), principal(stranger));
        socket.read(chat.id.toString(), new ChatSocketController.ReadInput(2L), principal(stranger));
        socket.typing("not-a-conversation", new ChatSocketController.TypingInput(true), principal(stranger));

        assertThat(pushes.to(stranger)).hasSize(3).allSatisfy(push -> {
            assertThat(push.type()).isEqualTo("error");
            assertThat(push.data()).isEqualTo(new ChatSocketController.Refused(404, "NOT_FOUND"));
        });
        assertThat(pushes.to(stranger).getFirst().conversationId()).isEqualTo(chat.id.value());
        assertThat(pushes.all()).allSatisfy(push -> assertThat(push.userId()).isEqualTo(stranger));
    }

    @Test
    void aReadMarkerFromTheSocketIsTheSameAsFromRest() {
        socket.read(chat.id.toString(), new ChatSocketController.ReadInput(2L), principal(ben));
        socket.read(chat.id.toString(), new ChatSocketController.ReadInput(1L), principal(ben));
        socket.read(chat.id.toString(), new ChatSocketController.ReadInput(null), principal(ben));

        assertThat(reads.list(ben, null, null, null, 10).items().getFirst().lastReadSeq()).isEqualTo(2);
        assertThat(pushes.to(ben, "read.updated")).singleElement().satisfies(push -> {
            assertThat(push.conversationId()).isEqualTo(chat.id.value());
            assertThat(push.data()).isEqualTo(new ReadMarkers.ReadUpdated(2));
        });
        assertThat(pushes.to(ben, "unread.total")).extracting(PushEnvelope::data).containsExactly(new UnreadCounts.UnreadTotal(0));
        assertThat(pushes.to(ben, "error")).extracting(PushEnvelope::data).containsExactly(new ChatSocketController.Refused(400, "VALIDATION_FAILED"));
    }

    private static Principal principal(UserId user) {
        return user::toString;
    }
}
