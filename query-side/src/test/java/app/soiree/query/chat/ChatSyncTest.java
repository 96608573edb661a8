package app.soiree.query.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.chat.ConversationId;
import app.soiree.api.chat.ConversationKind;
import app.soiree.api.chat.MemberMuted;
import app.soiree.api.chat.MemberUnmuted;
import app.soiree.api.chat.RemovalReason;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import app.soiree.query.ProjectionTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code GET /api/me/conversations?updatedSince=}: what changed for a user since a listing, and never less. */
class ChatSyncTest extends ProjectionTest {

    final UserId ana = UserId.random();
    final UserId ben = UserId.random();

    @Autowired
    ConversationReads reads;
    @Autowired
    ReadMarkers readMarkers;
    @Autowired
    TransactionTemplate transactions;

    ChatScenario climbing;
    ChatScenario cooking;

    @BeforeEach
    void twoConversations() {
        jdbc.sql("truncate content_keys").update();
        climbing = new ChatScenario(jdbc);
        cooking = new ChatScenario(jdbc);
        events.publish(climbing.group(ana, "Climbing", ben), cooking.group(ben, "Cooking", ana));
    }

    @Test
    void aSyncListsOnlyTheConversationsWithANewChange() {
        String token = list(ana, null).syncToken();

        events.publish(climbing.text(ben, "anyone up for saturday?"));

        assertThat(ids(list(ana, token))).containsExactly(climbing.id);
        assertThat(ids(list(ben, token))).containsExactly(climbing.id);
        assertThat(list(ana, token).items().getFirst().unreadCount()).isEqualTo(1);
    }

    @Test
    void aSyncListsAConversationWhoseReadMarkerMovedOnlyForItsReader() {
        events.publish(cooking.text(ben, "pasta tonight"));
        String token = list(ana, null).syncToken();

        readMarkers.markRead(cooking.id, ana, 2);

        assertThat(ids(list(ana, token))).containsExactly(cooking.id);
        assertThat(ids(list(ben, token))).isEmpty();
    }

    @Test
    void aRemovedMemberLearnsOfTheRemovalAndOfNothingAfterIt() {
        events.publish(climbing.text(ben, "before"));
        String token = list(ana, null).syncToken();

        events.publish(climbing.remove(ana, RemovalReason.REMOVED, ben));

        assertThat(list(ana, token).items()).singleElement().satisfies(summary -> {
            assertThat(summary.conversationId()).isEqualTo(climbing.id);
            assertThat(summary.removed()).isTrue();
            assertThat(summary.lastSeq()).isEqualTo(3);
            assertThat(summary.lastMessage()).isNull();
            assertThat(summary.title()).isNull();
            assertThat(summary.unreadCount()).isZero();
        });
        assertThat(ids(list(ana, null))).containsExactly(cooking.id);

        String afterRemoval = list(ana, null).syncToken();
        events.publish(climbing.text(ben, "after"));
        assertThat(ids(list(ana, afterRemoval))).isEmpty();
    }

    @Test
    void aMuteIsReportedToTheMutedMemberOnly() {
        String token = list(ana, null).syncToken();

        events.publish(new MemberMuted(climbing.id, ana, null, "spam", ben, climbing.tick()));

        assertThat(list(ana, token).items()).singleElement().satisfies(summary -> {
            assertThat(summary.conversationId()).isEqualTo(climbing.id);
            assertThat(summary.muted()).isTrue();
        });
        assertThat(ids(list(ben, token))).isEmpty();

        events.publish(new MemberUnmuted(climbing.id, ana, ben, climbing.tick()));
        assertThat(list(ana, null).items()).allSatisfy(summary -> assertThat(summary.muted()).isFalse());
    }

    @Test
    void aChangeCommittedWhileTheListingWasReadComesInTheNextSync() throws Exception {
        events.publish(cooking.text(ben, "pasta tonight"));
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch listed = new CountDownLatch(1);
        CompletableFuture<Void> slowReader = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            readMarkers.markRead(cooking.id, ana, 2);
            written.countDown();
            await(listed);
        }));
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();

        ReadsAtThatMoment listing = new ReadsAtThatMoment(list(ana, null));
        listed.countDown();
        slowReader.get(10, TimeUnit.SECONDS);

        assertThat(listing.lastReadSeqOf(cooking.id)).as("the listing did not see the uncommitted marker").isEqualTo(1);
        assertThat(ids(list(ana, listing.page().syncToken()))).as("so the next sync brings it").contains(cooking.id);
    }

    @Test
    void everyPageOfAListingHandsOutTheFirstPagesToken() {
        ConversationReads.ConversationListing first = reads.list(ana, null, null, null, 1);
        assertThat(first.nextCursor()).isNotNull();
        events.publish(climbing.text(ben, "meanwhile"));

        ConversationReads.ConversationListing second = reads.list(ana, null, null, ListingCursor.decode(first.nextCursor()), 1);

        assertThat(second.syncToken()).isEqualTo(first.syncToken());
        assertThat(ids(list(ana, first.syncToken()))).contains(climbing.id);
    }

    @Test
    void listsOneKindWhenAsked() {
        ChatScenario direct = new ChatScenario(jdbc);
        events.publish(direct.direct(ana, ben));

        assertThat(ids(reads.list(ana, ConversationKind.DIRECT, null, null, 20))).containsExactly(direct.id);
        assertThat(ids(reads.list(ana, ConversationKind.GROUP, null, null, 20))).containsExactlyInAnyOrder(climbing.id, cooking.id);
    }

    @Test
    void refusesTokensAndCursorsItDidNotHandOut() {
        for (String forged : List.of("not-a-token", "eGlkOi0x", "x".repeat(100))) {
            assertThatThrownBy(() -> SyncToken.decode(forged)).isInstanceOfSatisfying(SoireeException.class,
                    refused -> assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        }
        assertThatThrownBy(() -> ListingCursor.decode("bm90IGEgY3Vyc29y")).isInstanceOf(SoireeException.class);
        SyncToken token = new SyncToken(42);
        assertThat(SyncToken.decode(token.encode())).isEqualTo(token);
    }

    private ConversationReads.ConversationListing list(UserId user, String updatedSince) {
        return reads.list(user, null, SyncToken.decode(updatedSince), null, 100);
    }

    private static List<ConversationId> ids(ConversationReads.ConversationListing listing) {
        return listing.items().stream().map(ConversationSummary::conversationId).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record ReadsAtThatMoment(ConversationReads.ConversationListing page) {
        long lastReadSeqOf(ConversationId id) {
            return page.items().stream().filter(item -> item.conversationId().equals(id)).findFirst().orElseThrow().lastReadSeq();
        }
    }
}
