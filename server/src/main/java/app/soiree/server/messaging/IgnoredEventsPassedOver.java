package app.soiree.server.messaging;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.jspecify.annotations.Nullable;

/**
 * The event store as the tracking processors read it ({@code source: processorEvents} in application.yml, and beneath
 * {@link BackgroundEventSource}): each processor's stream passes over the events of the types it has said it never
 * handles, instead of handing them to it one by one.
 * <p>
 * Some thirty processors read every event, and most handle few of its types. Axon's tracking processor asks its handlers
 * twice about each event it is handed, whether they handle it and then whether they handle its type at all; a profile of
 * a booking rush found those questions alone 4 % of the server's CPU (docs/benchmarks.md). A processor that finds a type
 * it never handles says so to its stream ({@code skipMessagesWithPayloadTypeOf}, which Axon Server's streams act on at
 * the server and the embedded store's ignore); this stream then takes such events out of the way itself, without asking.
 * <p>
 * It never passes over the last event there is: an event of an ignored type with nothing behind it yet is handed to the
 * processor as before, so that its token moves the processor past it, and the processor's position reaches the store's
 * head as it always did. What follows an event passed over carries it in its token (a tracking token covers every
 * position before its own), so a processor stores no token that is short of an event it handles.
 * <p>
 * A processor replaying (after a reset, or started behind the store's head) reads through a stream of Axon's own around
 * this one, which does not pass the word on: it is handed everything, as before, until its stream is opened again.
 */
final class IgnoredEventsPassedOver extends WrappedEventSource {

    IgnoredEventsPassedOver(StreamableMessageSource<TrackedEventMessage<?>> events) {
        super(events);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(@Nullable TrackingToken trackingToken) {
        return new Passing(events.openStream(trackingToken));
    }

    /** One processor thread's stream: that thread reads it; the types it ignores are a concurrent set all the same. */
    private static final class Passing implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final Set<Class<?>> ignoredTypes = ConcurrentHashMap.newKeySet();
        /** An event of an ignored type taken from the store's stream with nothing behind it when it was taken. */
        private @Nullable TrackedEventMessage<?> held;

        Passing(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            passOverIgnored();
            return held != null ? Optional.of(held) : stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            passOverIgnored();
            return held != null || stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (true) {
                passOverIgnored();
                if (held != null) {
                    TrackedEventMessage<?> last = held;
                    held = null;
                    return last;
                }
                TrackedEventMessage<?> next = stream.nextAvailable(); // waits for one
                if (!ignoredTypes.contains(next.getPayloadType())) {
                    return next;
                }
                held = next;
            }
        }

        /**
         * Takes the events of ignored types out of the way while another event is right behind them (the one held, too,
         * once something follows it); the last one there is stays held, to be handed over if nothing follows.
         */
        private void passOverIgnored() {
            while (true) {
                Optional<TrackedEventMessage<?>> next = stream.peek();
                if (next.isEmpty()) {
                    return;
                }
                held = null;
                if (!ignoredTypes.contains(next.get().getPayloadType())) {
                    return;
                }
                try {
                    held = stream.nextAvailable(); // the event peeked, there already: no wait
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            ignoredTypes.add(ignoredMessage.getPayloadType());
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
