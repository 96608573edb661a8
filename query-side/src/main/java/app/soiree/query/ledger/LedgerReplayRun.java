package app.soiree.query.ledger;

import app.soiree.api.ledger.LedgerEvent;
import app.soiree.api.ledger.Posting;
import app.soiree.api.ledger.Postings;
import app.soiree.query.ledger.LedgerReplayStore.BalanceKey;
import app.soiree.query.ledger.LedgerReplayStore.Totals;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replay: reads the stream from its first event up to the head it had when the replay started,
 * sums every money event's postings into the replay's own balances, then compares them with the
 * live journal as of the same position and publishes a digest. Runs on its own thread; it holds no
 * lock and writes nothing but the replay's own rows.
 *
 * <p>The stream is read twice: once to count its events (tokens only, payloads stay serialized), so
 * that progress can be shown against a total, then to replay them.
 */
final class LedgerReplayRun {

    private static final Logger log = LoggerFactory.getLogger(LedgerReplayRun.class);

    /** The stream delivers what exists at once; this long with nothing means it is stuck. */
    static final Duration STREAM_STALL = Duration.ofMinutes(1);
    /** Progress is written at least this often, so that a slow stream still shows movement. */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
    private static final Duration LIVE_POLL = Duration.ofMillis(100);

    private final UUID replayId;
    private final long headPosition;
    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final LedgerReplayStore store;
    private final LedgerReplayProperties properties;
    private final Clock clock;

    private long eventsProcessed;
    private long moneyEvents;
    private long lastPosition = -1;
    private @Nullable TrackingToken lastToken;
    private final Map<BalanceKey, Totals> unwritten = new HashMap<>();
    private long unwrittenEvents;
    private long lastWriteNanos = System.nanoTime();

    LedgerReplayRun(UUID replayId, long headPosition, StreamableMessageSource<TrackedEventMessage<?>> events, LedgerReplayStore store,
                    LedgerReplayProperties properties, Clock clock) {
        this.replayId = replayId;
        this.headPosition = headPosition;
        this.events = events;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** Never throws: whatever goes wrong ends the replay as FAILED, with the reason. */
    void run() {
        try {
            long[] counted = {0};
            readUpToHead(message -> counted[0]++);
            store.counted(replayId, counted[0]);
            readUpToHead(this::apply);
            write();
            compareWithLiveAndComplete();
        } catch (ReplayFailure failure) {
            log.warn("Ledger replay {} failed: {}", replayId, failure.getMessage());
            fail(failure.getMessage());
        } catch (InterruptedException interrupted) {
            fail(LedgerReplayStore.INTERRUPTED);
            Thread.currentThread().interrupt();
        } catch (RuntimeException unexpected) {
            log.error("Ledger replay {} failed", replayId, unexpected);
            fail("failed at position " + lastPosition + ": " + unexpected);
        }
    }

    /**
     * Every event from the first to the one at the head position, in stream order. Events that come
     * after the head (live traffic during the replay) are not this replay's business.
     */
    private void readUpToHead(EventAction action) throws InterruptedException {
        if (headPosition < 0) {
            return; // an empty stream: nothing to read, and reading would wait for a first event forever
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            long lastArrival = System.nanoTime();
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
                if (!stream.hasNextAvailable()) {
                    writeIfDue(true); // the stream is fetching: a good moment to show progress
                    if (!stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        if (System.nanoTime() - lastArrival > STREAM_STALL.toNanos()) {
                            throw new ReplayFailure("the event stream delivered nothing for " + STREAM_STALL + " before reaching position "
                                    + headPosition);
                        }
                        continue;
                    }
                }
                TrackedEventMessage<?> message = stream.nextAvailable();
                lastArrival = System.nanoTime();
                long position = positionOf(message);
                if (position > headPosition) {
                    return;
                }
                action.on(message);
                if (position == headPosition) {
                    return;
                }
            }
        }
    }

    /** Checks the postings as the live projection does, then adds them to the replay's balances. */
    private void apply(TrackedEventMessage<?> message) {
        long position = positionOf(message);
        if (LedgerEvent.class.isAssignableFrom(message.getPayloadType())) {
            LedgerEvent event;
            try {
                event = (LedgerEvent) message.getPayload();
            } catch (RuntimeException unreadable) {
                write();
                throw new ReplayFailure(describe(message, position) + " could not be read: " + unreadable.getMessage());
            }
            List<Posting> postings;
            try {
                postings = Postings.requireBalanced(event.postings());
            } catch (IllegalStateException unbalanced) {
                write();
                throw new ReplayFailure(describe(message, position) + ": " + unbalanced.getMessage());
            }
            for (Posting posting : postings) {
                long amount = posting.amount().amountMinor();
                unwritten.merge(new BalanceKey(posting.account(), posting.amount().currency().getCurrencyCode()),
                        new Totals(Math.max(amount, 0), Math.max(-amount, 0)),
                        (sum, more) -> new Totals(Math.addExact(sum.debits(), more.debits()), Math.addExact(sum.credits(), more.credits())));
            }
            moneyEvents++;
        }
        eventsProcessed++;
        lastPosition = position;
        lastToken = message.trackingToken();
        unwrittenEvents++;
        writeIfDue(false);
    }

    private void writeIfDue(boolean streamIsIdle) {
        boolean batchFull = unwrittenEvents >= properties.batchSize();
        boolean progressDue = System.nanoTime() - lastWriteNanos > PROGRESS_EVERY.toNanos();
        if (unwrittenEvents > 0 && (batchFull || progressDue || streamIsIdle)) {
            write();
        }
    }

    private void write() {
        if (unwrittenEvents == 0) {
            return;
        }
        store.addReplayed(replayId, unwritten, eventsProcessed, lastPosition);
        unwritten.clear();
        unwrittenEvents = 0;
        lastWriteNanos = System.nanoTime();
    }

    /**
     * The live journal is compared as of the replay's last position, once it has journaled as many
     * money events up to there as the replay saw (it is a tracking processor and may be behind). If
     * it does not get there within {@code liveWait}, the comparison goes ahead and the missing
     * postings show up as differences: a replay reports, it does not wait forever.
     */
    private void compareWithLiveAndComplete() throws InterruptedException {
        Collection<Long> unseen = unseenPositions();
        long deadline = System.nanoTime() + properties.liveWait().toNanos();
        while (store.liveEventsUpTo(lastPosition, unseen) < moneyEvents && System.nanoTime() < deadline) {
            // Polling a count is the one way to see another processor's progress that works in every deployment.
            Thread.sleep(LIVE_POLL);
        }
        int differences = store.recordDifferences(replayId, lastPosition, unseen);
        store.complete(replayId, clock.instant(), eventsProcessed, differences == 0, store.digest(replayId));
    }

    /** Positions below the last one that the replay has not seen: Axon's gap-aware token knows them. */
    private Collection<Long> unseenPositions() {
        return lastToken instanceof GapAwareTrackingToken gapAware ? gapAware.getGaps() : Set.of();
    }

    private void fail(String reason) {
        try {
            store.fail(replayId, clock.instant(), reason);
        } catch (RuntimeException e) {
            // The heartbeat stops with this run; the replay is marked abandoned once it is stale.
            log.error("Could not record that ledger replay {} failed ({})", replayId, reason, e);
        }
    }

    private static String describe(TrackedEventMessage<?> message, long position) {
        return "event " + message.getIdentifier() + " (" + message.getPayloadType().getSimpleName() + ") at position " + position;
    }

    private static long positionOf(TrackedEventMessage<?> message) {
        return message.trackingToken().position().orElseThrow(() -> new ReplayFailure(
                "event " + message.getIdentifier() + " has no position in the stream (token " + message.trackingToken() + ")"));
    }

    @FunctionalInterface
    private interface EventAction {
        void on(TrackedEventMessage<?> message);
    }

    /** Ends the replay as FAILED with this message. */
    private static final class ReplayFailure extends RuntimeException {
        ReplayFailure(String message) {
            super(message);
        }
    }
}
