package app.soiree.query.ledger;

import app.soiree.api.error.SoireeException;
import app.soiree.api.ledger.FindLedgerReplay;
import app.soiree.api.ledger.FindLedgerReplays;
import app.soiree.api.ledger.LedgerReplayPage;
import app.soiree.api.ledger.LedgerReplayView;
import app.soiree.api.ledger.StartLedgerReplay;
import app.soiree.query.paging.PageLimit;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts ledger replays and answers what they found. At most one replay runs at a time, across all
 * replicas (the database decides); starting another meanwhile is refused with
 * {@code STATE_CONFLICT}. A replay runs on this component's single worker thread and keeps a
 * heartbeat in its row; one whose process stopped (a crash, a redeploy) stops beating and is marked
 * FAILED ("interrupted") once its heartbeat is older than {@code soiree.ledger.replay.stale-after},
 * checked at start-up and whenever replays are started or read. It is not resumed: a new replay
 * from the first event is cheap enough and leaves no doubt about what it covered.
 */
@Component
class LedgerReplays implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LedgerReplays.class);

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final LedgerReplayStore store;
    private final LedgerReplayProperties properties;
    private final Clock clock;
    private final Executor worker;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().name("ledger-replay-heartbeat").daemon().unstarted(runnable));

    @Autowired
    LedgerReplays(EventStore events, LedgerReplayStore store, LedgerReplayProperties properties, Clock clock) {
        // One worker; the queue holds a second replay only for the moment the first one's thread needs to
        // return after its row said COMPLETED. The database already refused any other.
        this(events, store, properties, clock, new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1),
                runnable -> Thread.ofPlatform().name("ledger-replay").daemon().unstarted(runnable)));
    }

    /** With the worker given: tests replay on their own thread. */
    LedgerReplays(StreamableMessageSource<TrackedEventMessage<?>> events, LedgerReplayStore store, LedgerReplayProperties properties,
                  Clock clock, Executor worker) {
        this.events = events;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.worker = worker;
    }

    /** Starting with an id that already has a replay changes nothing and answers that id again. */
    @CommandHandler
    UUID handle(StartLedgerReplay command) {
        failAbandoned();
        UUID replayId = command.replayId();
        if (store.exists(replayId)) {
            return replayId;
        }
        long headPosition = headPosition();
        if (!store.insertRunning(replayId, command.requestedBy(), clock.instant(), headPosition)) {
            throw SoireeException.conflict(store.running()
                    .map(running -> "Ledger replay " + running + " is still running; start another once it has finished")
                    .orElse("Another ledger replay was started at the same moment; try again"));
        }
        LedgerReplayRun run = new LedgerReplayRun(replayId, headPosition, events, store, properties, clock);
        try {
            worker.execute(() -> runWithHeartbeat(replayId, run));
        } catch (RejectedExecutionException busy) {
            store.fail(replayId, clock.instant(), "not started: the replay worker was busy");
            throw SoireeException.conflict("The replay worker is still busy; try again");
        }
        log.info("Ledger replay {} started by {} up to position {}", replayId, command.requestedBy(), headPosition);
        return replayId;
    }

    @QueryHandler
    @Nullable LedgerReplayView handle(FindLedgerReplay query) {
        failAbandoned();
        return store.find(query.replayId()).orElse(null);
    }

    @QueryHandler
    LedgerReplayPage handle(FindLedgerReplays query) {
        failAbandoned();
        return new LedgerReplayPage(store.latest(PageLimit.clamped(query.limit())));
    }

    @EventListener(ApplicationReadyEvent.class)
    void failAbandonedAtStartUp() {
        int abandoned = failAbandoned();
        if (abandoned > 0) {
            log.warn("{} ledger replay(s) were interrupted when their process stopped; marked FAILED", abandoned);
        }
    }

    private int failAbandoned() {
        Instant now = clock.instant();
        return store.failAbandoned(now.minus(properties.staleAfter()), now);
    }

    private void runWithHeartbeat(UUID replayId, LedgerReplayRun run) {
        long everyMillis = properties.staleAfter().toMillis() / 3;
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> beat(replayId), everyMillis, everyMillis,
                TimeUnit.MILLISECONDS);
        try {
            pruneReplayedBalances();
            run.run();
        } finally {
            heartbeat.cancel(false);
        }
    }

    /** Here, on the worker, rather than in the command: deleting old balances takes a while and is no one's wait. */
    private void pruneReplayedBalances() {
        try {
            store.pruneReplayedBalances();
        } catch (RuntimeException e) {
            log.warn("Old replayed balances were not pruned; the next replay tries again", e);
        }
    }

    private void beat(UUID replayId) {
        try {
            store.heartbeat(replayId, clock.instant());
        } catch (RuntimeException e) {
            // A missed beat is harmless unless they all fail, and then the replay is rightly seen as abandoned.
            log.warn("Ledger replay {}: heartbeat not recorded", replayId, e);
        }
    }

    /** The position of the last event in the stream now; -1 when there is none. */
    private long headPosition() {
        TrackingToken head = events.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** A running replay is interrupted and records that; it has a few seconds to do so. */
    @Override
    public void destroy() throws InterruptedException {
        heartbeats.shutdownNow();
        if (worker instanceof ExecutorService service) {
            service.shutdownNow();
            if (!service.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("A ledger replay did not stop in time; it will be marked interrupted once its heartbeat is stale");
            }
        }
    }
}
