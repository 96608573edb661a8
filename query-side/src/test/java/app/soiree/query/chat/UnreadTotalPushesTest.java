package app.soiree.query.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserRegistered;
import app.soiree.query.ProjectionTest;
import app.soiree.query.RecordedPushes;
import app.soiree.query.realtime.PushEnvelope;
import app.soiree.query.realtime.UserPush;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code unread.total} coalesced: at most one push per user per round, and the last one always the total after the last change. */
class UnreadTotalPushesTest extends ProjectionTest {

    private static final Duration EVERY = Duration.ofMillis(100);

    final UserId ana = UserId.random();
    final UserId ben = UserId.random();

    @Autowired
    UnreadCounts counts;
    @Autowired
    ReadMarkers readMarkers;
    @Autowired
    TransactionTemplate transactions;

    /** What the coalescing pusher under test sends (the projections' own, at once in these tests, record elsewhere). */
    final RecordedPushes pushes = new RecordedPushes();

    ChatScenario chat;
    UnreadTotalPushes coalesced;

    @BeforeEach
    void aConversationAndACoalescingPusher() {
        jdbc.sql("truncate content_keys").update();
        chat = new ChatScenario(jdbc);
        for (UserId user : List.of(ana, ben)) {
            events.publish(new UserRegistered(user, user + "@soiree.test", "User", null, Set.of(Role.GUEST), ChatScenario.START));
        }
        events.publish(chat.group(ana, "Climbing", ben));
        ChatPushes chatPushes = new ChatPushes(new StaticListableBeanFactory(Map.of("pushes", pushes)).getBeanProvider(UserPush.class));
        coalesced = new UnreadTotalPushes(counts, chatPushes, Clock.systemUTC(), EVERY);
    }

    @AfterEach
    void stop() {
        coalesced.destroy();
    }

    @Test
    void manyChangesInARoundAreOnePushWithTheTotalAfterTheLast() throws InterruptedException {
        long started = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            events.publish(chat.text(ana, "message " + i));
            coalesced.changed(List.of(ben.value()));
        }
        long rounds = Duration.ofNanos(System.nanoTime() - started).dividedBy(EVERY) + 2; // the first at once, the last after the loop
        Thread.sleep(EVERY.multipliedBy(4).toMillis());

        List<PushEnvelope> told = pushes.to(ben, ChatPushes.UNREAD_TOTAL);
        assertThat(told).as("30 changes in %d rounds", rounds).hasSizeBetween(1, (int) Math.min(rounds, 29));
        assertThat(told).last().extracting(PushEnvelope::data).isEqualTo(new UnreadCounts.UnreadTotal(30));
        assertThat(pushes.to(ana, ChatPushes.UNREAD_TOTAL)).as("nothing moved for Ana").isEmpty();
    }

    @Test
    void changesWhileARoundRunsAreToldInTheNextAndTheLastPushIsAlwaysTheCurrentTotal() throws InterruptedException {
        for (int round = 0; round < 10; round++) {
            events.publish(chat.text(ana, "message " + round));
            coalesced.changed(List.of(ben.value()));
            Thread.sleep(round * 23 % EVERY.toMillis()); // now within a round, now across one
        }
        readMarkers.markRead(chat.id, ben, 5); // the conversation's start and four messages: six unread remain
        coalesced.changed(List.of(ben.value()));
        Thread.sleep(EVERY.multipliedBy(4).toMillis());

        assertThat(counts.totals(List.of(ben.value()))).containsEntry(ben.value(), 6L);
        assertThat(pushes.to(ben, ChatPushes.UNREAD_TOTAL)).hasSizeLessThanOrEqualTo(11).last().extracting(PushEnvelope::data)
                .isEqualTo(new UnreadCounts.UnreadTotal(6));
    }

    /** Coalescing is for busy times: after a quiet spell the first change is told at once, the next an interval later. */
    @Test
    void aChangeAfterAQuietSpellIsToldAtOnceAndTheNextAfterTheInterval() throws InterruptedException {
        UnreadTotalPushes patient = new UnreadTotalPushes(counts, new ChatPushes(new StaticListableBeanFactory(Map.of("pushes", pushes))
                .getBeanProvider(UserPush.class)), Clock.systemUTC(), Duration.ofSeconds(30));
        try {
            events.publish(chat.text(ana, "hello"));
            patient.changed(List.of(ben.value()));
            await(() -> pushes.to(ben, ChatPushes.UNREAD_TOTAL).size() == 1);

            events.publish(chat.text(ana, "again"));
            patient.changed(List.of(ben.value()));
            Thread.sleep(EVERY.multipliedBy(3).toMillis());
            assertThat(pushes.to(ben, ChatPushes.UNREAD_TOTAL)).as("within the interval: waits for the next round")
                    .extracting(PushEnvelope::data).containsExactly(new UnreadCounts.UnreadTotal(1));
        } finally {
            patient.destroy();
        }
    }

    /** Polls for up to five seconds, far below the interval whose wait it tells apart from none. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("not told within five seconds").isLessThan(until);
            Thread.sleep(10);
        }
    }

    @Test
    void aChangeIsNotedOnlyOnceItsTransactionCommits() throws InterruptedException {
        transactions.executeWithoutResult(status -> {
            coalesced.changed(List.of(ben.value()));
            status.setRollbackOnly();
        });
        Thread.sleep(EVERY.multipliedBy(3).toMillis());
        assertThat(pushes.to(ben, ChatPushes.UNREAD_TOTAL)).as("rolled back: nothing to tell").isEmpty();

        transactions.executeWithoutResult(status -> {
            coalesced.changed(List.of(ben.value()));
            assertThat(pushes.to(ben, ChatPushes.UNREAD_TOTAL)).as("not before the commit").isEmpty();
        });
        Thread.sleep(EVERY.multipliedBy(3).toMillis());
        assertThat(pushes.to(ben, ChatPushes.UNREAD_TOTAL)).extracting(PushEnvelope::data).containsExactly(new UnreadCounts.UnreadTotal(0));
    }
}
