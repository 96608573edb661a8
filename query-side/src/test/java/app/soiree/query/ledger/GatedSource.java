package app.soiree.query.ledger;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * A stream that stops delivering after a number of events until the test opens the gate, as a
 * slow event store would: lets a test look at a replay while it runs. Only the stream opened
 * {@code gatedStream}-th is gated (a replay first counts the events with a stream of its own).
 */
final class GatedSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> delegate;
    private final int gatedStream;
    private final int deliverBeforeGate;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger opened = new AtomicInteger();

    GatedSource(StreamableMessageSource<TrackedEventMessage<?>> delegate, int gatedStream, int deliverBeforeGate) {
        this.delegate = delegate;
        this.gatedStream = gatedStream;
        this.deliverBeforeGate = deliverBeforeGate;
    }

    void open() {
        gate.countDown();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        BlockingStream<TrackedEventMessage<?>> stream = delegate.openStream(trackingToken);
        return opened.incrementAndGet() == gatedStream ? new Gated(stream) : stream;
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }

    private final class Gated implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private int delivered;

        Gated(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        private boolean closed() {
            return delivered >= deliverBeforeGate && gate.getCount() > 0;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return closed() ? Optional.empty() : stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (closed() && !gate.await(timeout, unit)) {
                return false;
            }
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            if (closed()) {
                gate.await();
            }
            delivered++;
            return stream.nextAvailable();
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
