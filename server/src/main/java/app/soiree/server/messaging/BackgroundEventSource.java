package app.soiree.server.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.jspecify.annotations.Nullable;

/**
 * The event store as the background processors read it: those that keep records and views nobody is waiting on in the
 * moment (the audit trail, the ledger, notifications, staff's views; {@code source: backgroundEvents} in application.yml).
 * When events are there to process while API requests are being answered, such a processor waits until the requests are
 * answered, at most {@code soiree.events.background-yield} per batch, before it starts on them. Two cores shared by
 * twenty processors and the requests of a booking rush answered the guests in seconds, behind the processing of the
 * bookings already made; this way a request has the cores first, and the processors take up what gathered since in
 * larger batches, each of which costs one transaction and one token update whatever its size.
 * <p>
 * It waits where a tracking processor asks whether events are available, before its batch's unit of work and
 * transaction: a waiting processor holds no connection and no lock (a processor made to wait by thread priority did,
 * docs/benchmarks.md). The wait is bounded per batch, and a processor whose next event is older than
 * {@code soiree.events.background-max-lag} does not wait at all: under a load that never leaves a quiet moment, a
 * processor that takes one event a batch (notification deliveries, which call providers) would otherwise take one event
 * per {@code background-yield}, five a second, and fall behind without end. So a processor yields while it is at most
 * that far behind, and catches up at full speed beyond it (also a processor reset to read the store from its start);
 * nor does it wait past the moment its next event is that old.
 * <p>
 * The same source, as {@code settlementEvents}, yields to the holds being answered only ({@code HoldsBeingAnswered}), and
 * only while its next event is younger than {@code soiree.events.settlement-max-lag} (a second): the processors that
 * settle bookings already held (their confirmations, the seat counts) let the guests still in line be answered first.
 */
final class BackgroundEventSource extends WrappedEventSource {

    /** The work yielded to: returns once none is under way, or after {@code maxWait}. */
    @FunctionalInterface
    interface Foreground {
        void awaitNone(Duration maxWait) throws InterruptedException;
    }

    private final Foreground foreground;
    private final Duration maxYield;
    private final Duration maxLag;
    private final Clock clock;

    BackgroundEventSource(StreamableMessageSource<TrackedEventMessage<?>> events, Foreground foreground, Duration maxYield,
                          Duration maxLag, Clock clock) {
        super(events);
        this.foreground = foreground;
        this.maxYield = maxYield;
        this.maxLag = maxLag;
        this.clock = clock;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(@Nullable TrackingToken trackingToken) {
        BlockingStream<TrackedEventMessage<?>> stream = events.openStream(trackingToken);
        return maxYield.isZero() || maxYield.isNegative() ? stream : new Yielding(stream);
    }

    /** The store's stream, which yields to requests when asked whether events are there (and they are). */
    private final class Yielding implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;

        private Yielding(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        /**
         * A processor asks this with a timeout before each batch (and again while the events it found were none of its
         * own); without one, while it looks ahead inside a batch, which never waits.
         */
        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (!stream.hasNextAvailable(timeout, unit)) {
                return false;
            }
            if (timeout > 0) {
                Duration yield = yieldFor();
                if (yield.isPositive()) {
                    foreground.awaitNone(yield);
                }
            }
            return true;
        }

        /**
         * The yield, cut short so that the next event is not waited on beyond the greatest lag after it was stored (by the
         * application's clock: UTC, as Axon stamps); none for a processor already further behind.
         */
        private Duration yieldFor() {
            return stream.peek()
                    .map(next -> Duration.between(clock.instant(), next.getTimestamp().plus(maxLag)))
                    .map(untilTooOld -> untilTooOld.compareTo(maxYield) < 0 ? untilTooOld : maxYield)
                    .orElse(maxYield);
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void close() {
            stream.close();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }
    }
}
