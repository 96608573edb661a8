package app.soiree.query.ledger;

import static app.soiree.query.ledger.LedgerFixtures.T0;
import static app.soiree.query.ledger.LedgerFixtures.captured;
import static app.soiree.query.ledger.LedgerFixtures.message;
import static app.soiree.query.ledger.LedgerFixtures.released;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.soiree.api.Money;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.BalanceDifference;
import app.soiree.api.ledger.FindLedgerReplay;
import app.soiree.api.ledger.FindLedgerReplays;
import app.soiree.api.ledger.LedgerAccounts;
import app.soiree.api.ledger.LedgerReplayView;
import app.soiree.api.ledger.Posting;
import app.soiree.api.ledger.StartLedgerReplay;
import app.soiree.api.payment.PaymentCaptured;
import app.soiree.api.payment.PaymentId;
import app.soiree.query.ProjectionTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays over a stream of the test's own, against the live journal built from the same events the
 * way the tracking processor builds it.
 */
class LedgerReplayTest extends ProjectionTest {

    private static final LedgerReplayProperties SMALL_BATCHES = new LedgerReplayProperties(2, Duration.ofSeconds(10), Duration.ofSeconds(30));

    @Autowired
    LedgerReplayStore store;
    @Autowired
    LedgerReplays contextReplays;
    @Autowired
    LedgerReplayController controller;
    @Autowired
    TransactionTemplate commandTransaction;

    private final TestStream stream = new TestStream();
    private final UserId host = UserId.random();
    private final UserId guest = UserId.random();
    /** Replays over the test's own stream, on a worker of their own; the context's bean answers the queries. */
    private LedgerReplays replays;

    /** A stream event that moves no money: replays read it, count it, and leave the balances alone. */
    record GuestWaved(String name) {
    }

    @BeforeEach
    void replaysOverTheTestsStream() {
        replays = replaysOver(stream.store(), SMALL_BATCHES);
    }

    @AfterEach
    void stopReplays() throws InterruptedException {
        replays.destroy();
        stream.close();
    }

    @Test
    void rebuildsEveryBalanceMatchesTheLiveLedgerAndPublishesTheDigestOfTheBalances() {
        appendAndJournal(message(captured(host, 2500, "EUR"), T0, guest), message(new GuestWaved("Ada"), T0.plusSeconds(1), guest),
                message(released(host, 2345, "EUR"), T0.plusSeconds(2), null), message(captured(host, 1000, "USD"), T0.plusSeconds(3), guest));

        LedgerReplayView replay = replayToTheEnd("finance-1");

        assertThat(replay.status()).isEqualTo(LedgerReplayView.COMPLETED);
        assertThat(replay.matches()).isTrue();
        assertThat(replay.differences()).isEmpty();
        assertThat(replay.eventsTotal()).isEqualTo(4);
        assertThat(replay.eventsProcessed()).isEqualTo(4);
        assertThat(replay.requestedBy()).isEqualTo("finance-1");
        assertThat(replay.finishedAt()).isAfterOrEqualTo(replay.startedAt());
        assertThat(replay.failure()).isNull();
        String hostAccount = "host:" + host;
        assertThat(replay.digest()).isEqualTo(sha256("""
                %1$s:available|EUR|0|2345
                %1$s:pending|EUR|2345|2345
                %1$s:pending|USD|0|920
                platform:fees|EUR|0|155
                platform:fees|USD|0|80
                platform:stripe|EUR|2500|0
                platform:stripe|USD|1000|0
                """.formatted(hostAccount)));

        LedgerReplayView again = replayToTheEnd("finance-2");
        assertThat(again.replayId()).isNotEqualTo(replay.replayId());
        assertThat(again.digest()).isEqualTo(replay.digest());
        assertThat(again.matches()).isTrue();
    }

    @Test
    void reportsALiveEntryThatWasAlteredWithBothBalances() {
        appendAndJournal(message(captured(host, 2500, "EUR"), T0, guest), message(captured(host, 1000, "EUR"), T0.plusSeconds(1), guest));
        jdbc.sql("update ledger_entries set amount = amount + 1 where account = ? and amount = -155")
                .param(LedgerAccounts.PLATFORM_FEES).update();

        LedgerReplayView replay = replayToTheEnd("finance-1");

        assertThat(replay.status()).isEqualTo(LedgerReplayView.COMPLETED);
        assertThat(replay.matches()).isFalse();
        assertThat(replay.differences()).containsExactly(
                new BalanceDifference(LedgerAccounts.PLATFORM_FEES, "EUR", Money.of(-(154 + 80), "EUR"), Money.of(-(155 + 80), "EUR")));
        assertThat(replay.digest()).hasSize(64);
    }

    @Test
    void reportsALiveEntryNoEventMadeAsABalanceWithNothingReplayed() {
        appendAndJournal(message(captured(host, 2500, "EUR"), T0, guest));
        jdbc.sql("""
                insert into ledger_entries (entry_id, global_index, event_id, event_type, occurred_at, account, currency, amount, actor, reference)
                values ('forged:0', 0, 'forged', 'PaymentCaptured', ?, ?, 'EUR', 999, 'someone', 'payment:forged')""")
                .params(Timestamp.from(T0), LedgerAccounts.LOSSES).update();

        LedgerReplayView replay = replayToTheEnd("finance-1");

        assertThat(replay.matches()).isFalse();
        assertThat(replay.differences()).containsExactly(new BalanceDifference(LedgerAccounts.LOSSES, "EUR", Money.of(999, "EUR"), null));
    }

    @Test
    void showsItsProgressRefusesASecondReplayAndStopsAtTheHeadItStartedWith() throws InterruptedException {
        for (int i = 0; i < 6; i++) {
            appendAndJournal(message(captured(host, 1000 + i, "EUR"), T0.plusSeconds(i), guest));
        }
        GatedSource gated = new GatedSource(stream.store(), 2, 3);
        useReplaysOver(gated, new LedgerReplayProperties(100, Duration.ofSeconds(10), Duration.ofSeconds(30)));

        UUID replayId = replays.handle(new StartLedgerReplay(UUID.randomUUID(), "finance-1"));

        LedgerReplayView halfway = await().atMost(Duration.ofSeconds(10)).until(() -> view(replayId), view -> view.eventsProcessed() == 3);
        assertThat(halfway.status()).isEqualTo(LedgerReplayView.RUNNING);
        assertThat(halfway.eventsTotal()).isEqualTo(6);
        assertThat(halfway.matches()).isNull();
        assertThat(halfway.digest()).isNull();
        assertThat(halfway.finishedAt()).isNull();
        assertThatThrownBy(() -> contextReplays.handle(new StartLedgerReplay(UUID.randomUUID(), "finance-2")))
                .isInstanceOfSatisfying(SoireeException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.STATE_CONFLICT);
                    assertThat(refusal.getMessage()).contains(replayId.toString());
                });

        appendAndJournal(message(captured(host, 9000, "EUR"), T0.plusSeconds(60), guest), message(new GuestWaved("Bo"), T0.plusSeconds(61), guest));
        gated.open();

        LedgerReplayView done = awaitFinished(replayId);
        assertThat(done.status()).isEqualTo(LedgerReplayView.COMPLETED);
        assertThat(done.eventsProcessed()).isEqualTo(6);
        assertThat(done.eventsTotal()).isEqualTo(6);
        assertThat(done.matches()).as("compared as of the head it started with, not with what came later").isTrue();
        assertThat(replayToTheEnd("finance-2").eventsTotal()).isEqualTo(8);
    }

    @Test
    void aReplayStartedInTheTransactionOfItsCommandRunsFromItsFirstMoment() {
        appendAndJournal(message(captured(host, 2500, "EUR"), T0, guest));

        // As Axon handles a command: in a transaction that commits after the handler has returned.
        // Awaitility reads from a thread of its own, outside that transaction.
        LedgerReplayView replay = commandTransaction.execute(status -> replayToTheEnd("finance-1"));

        assertThat(replay.status()).isEqualTo(LedgerReplayView.COMPLETED);
        assertThat(replay.eventsTotal()).isEqualTo(1);
        assertThat(replay.matches()).isTrue();
    }

    @Test
    void failsNamingTheEventWhosePostingsDoNotBalance() {
        appendAndJournal(message(captured(host, 2500, "EUR"), T0, guest));
        PaymentCaptured unbalanced = new PaymentCaptured(PaymentId.forBooking(BookingId.random()), BookingId.random(), GatheringId.random(),
                host, guest, Money.of(2500, "EUR"), Money.of(155, "EUR"), null,
                List.of(Posting.debit(LedgerAccounts.PROVIDER_CASH, Money.of(2500, "EUR")),
                        Posting.credit(LedgerAccounts.hostPending(host), Money.of(2345, "EUR"))),
                "sim_pi_1", "sim_evt_1", T0);
        EventMessage<?> broken = message(unbalanced, T0.plusSeconds(1), guest);
        stream.append(broken, message(captured(host, 1000, "EUR"), T0.plusSeconds(2), guest));

        LedgerReplayView replay = replayToTheEnd("finance-1");

        assertThat(replay.status()).isEqualTo(LedgerReplayView.FAILED);
        assertThat(replay.failure()).contains(broken.getIdentifier(), "PaymentCaptured", "position 1", "do not balance");
        assertThat(replay.eventsProcessed()).isEqualTo(1);
        assertThat(replay.eventsTotal()).isEqualTo(3);
        assertThat(replay.matches()).isNull();
        assertThat(replay.digest()).isNull();
        assertThat(replay.finishedAt()).isNotNull();
    }

    @Test
    void waitsForTheLiveLedgerToReachItsPositionBeforeComparing() {
        stream.append(message(captured(host, 2500, "EUR"), T0, guest), message(captured(host, 1000, "EUR"), T0.plusSeconds(1), guest));

        UUID replayId = replays.handle(new StartLedgerReplay(UUID.randomUUID(), "finance-1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> view(replayId), view -> view.eventsProcessed() == 2);
        assertThat(view(replayId).status()).isEqualTo(LedgerReplayView.RUNNING);
        stream.stored().forEach(stored -> events.deliverAsStored(LedgerProjection.PROCESSING_GROUP, stored));

        LedgerReplayView replay = awaitFinished(replayId);
        assertThat(replay.matches()).isTrue();
    }

    @Test
    void comparesAnywayWhenTheLiveLedgerDoesNotCatchUpInTime() throws InterruptedException {
        stream.append(message(captured(host, 2500, "EUR"), T0, guest));
        useReplaysOver(stream.store(), new LedgerReplayProperties(100, Duration.ofMillis(200), Duration.ofSeconds(30)));

        LedgerReplayView replay = replayToTheEnd("finance-1");

        assertThat(replay.status()).isEqualTo(LedgerReplayView.COMPLETED);
        assertThat(replay.matches()).isFalse();
        assertThat(replay.differences()).containsExactly(
                new BalanceDifference(LedgerAccounts.hostPending(host), "EUR", null, Money.of(-2345, "EUR")),
                new BalanceDifference(LedgerAccounts.PLATFORM_FEES, "EUR", null, Money.of(-155, "EUR")),
                new BalanceDifference(LedgerAccounts.PROVIDER_CASH, "EUR", null, Money.of(2500, "EUR")));
    }

    @Test
    void anEmptyStreamReplaysToNothing() {
        LedgerReplayView replay = replayToTheEnd("finance-1");

        assertThat(replay.status()).isEqualTo(LedgerReplayView.COMPLETED);
        assertThat(replay.eventsTotal()).isZero();
        assertThat(replay.matches()).isTrue();
        assertThat(replay.digest()).isEqualTo(sha256(""));
    }

    @Test
    void aReplayLeftRunningByAStoppedProcessIsMarkedInterruptedOnceItsHeartbeatIsStale() {
        UUID abandoned = UUID.randomUUID();
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(10));
        store.insertRunning(abandoned, "finance-1", longAgo, 41);

        contextReplays.failAbandonedAtStartUp();

        LedgerReplayView interrupted = view(abandoned);
        assertThat(interrupted.status()).isEqualTo(LedgerReplayView.FAILED);
        assertThat(interrupted.failure()).startsWith("interrupted");
        assertThat(interrupted.finishedAt()).isNotNull();

        UUID alive = UUID.randomUUID();
        store.insertRunning(alive, "finance-1", Instant.now(), 41);
        contextReplays.failAbandonedAtStartUp();
        assertThat(view(alive).status()).as("its heartbeat is fresh: another replica may be running it").isEqualTo(LedgerReplayView.RUNNING);
    }

    @Test
    void startingAgainWithTheSameIdChangesNothing() {
        appendAndJournal(message(captured(host, 2500, "EUR"), T0, guest));
        LedgerReplayView first = replayToTheEnd("finance-1");

        UUID again = replays.handle(new StartLedgerReplay(first.replayId(), "finance-2"));

        assertThat(again).isEqualTo(first.replayId());
        assertThat(view(first.replayId())).isEqualTo(first);
    }

    @Test
    void listsTheLatestReplaysFirstAndAnUnknownOneIsNotFound() {
        LedgerReplayView first = replayToTheEnd("finance-1");
        LedgerReplayView second = replayToTheEnd("finance-2");

        assertThat(contextReplays.handle(new FindLedgerReplays(10)).items()).extracting(LedgerReplayView::replayId)
                .containsExactly(second.replayId(), first.replayId());
        assertThat(contextReplays.handle(new FindLedgerReplays(1)).items()).extracting(LedgerReplayView::replayId)
                .containsExactly(second.replayId());
        assertThat(controller.replay(first.replayId())).isEqualTo(first);
        assertThatThrownBy(() -> controller.replay(UUID.randomUUID()))
                .isInstanceOfSatisfying(SoireeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> controller.replays(0))
                .isInstanceOfSatisfying(SoireeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void keepsTheReplayedBalancesOfTheLatestFinishedReplaysOnly() {
        appendAndJournal(message(captured(host, 2500, "EUR"), T0, guest));
        List<UUID> replayIds = new ArrayList<>();
        for (int i = 0; i < LedgerReplayStore.KEEP_BALANCES_OF_FINISHED_REPLAYS + 2; i++) {
            replayIds.add(replayToTheEnd("finance-1").replayId());
        }

        List<UUID> withBalances = jdbc.sql("select distinct replay_id from ledger_replay_balances").query(UUID.class).list();
        // Pruned when each replay starts: the latest finished ones, and the one that was starting.
        assertThat(withBalances).containsExactlyInAnyOrderElementsOf(replayIds.subList(1, replayIds.size()));
        assertThat(view(replayIds.getFirst()).digest()).as("its outcome stays").isNotNull();
    }

    private void appendAndJournal(EventMessage<?>... messages) {
        int before = stream.stored().size();
        stream.append(messages);
        stream.stored().stream().skip(before).forEach(stored -> events.deliverAsStored(LedgerProjection.PROCESSING_GROUP, stored));
    }

    private LedgerReplayView replayToTheEnd(String requestedBy) {
        return awaitFinished(replays.handle(new StartLedgerReplay(UUID.randomUUID(), requestedBy)));
    }

    private LedgerReplayView awaitFinished(UUID replayId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> view(replayId), view -> !view.status().equals(LedgerReplayView.RUNNING));
    }

    private LedgerReplayView view(UUID replayId) {
        LedgerReplayView view = contextReplays.handle(new FindLedgerReplay(replayId));
        assertThat(view).isNotNull();
        return view;
    }

    private void useReplaysOver(StreamableMessageSource<TrackedEventMessage<?>> source, LedgerReplayProperties properties)
            throws InterruptedException {
        replays.destroy();
        replays = replaysOver(source, properties);
    }

    private LedgerReplays replaysOver(StreamableMessageSource<TrackedEventMessage<?>> source, LedgerReplayProperties properties) {
        return new LedgerReplays(source, store, properties, Clock.systemUTC(), Executors.newSingleThreadExecutor());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
