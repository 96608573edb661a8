package app.soiree.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IgnoredEventsPassedOverTest {

    final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    final IgnoredEventsPassedOver source = new IgnoredEventsPassedOver(store);

    @AfterEach
    void stop() {
        store.shutDown();
    }

    @Test
    void eventsOfAnIgnoredTypeArePassedOverWhileAnotherFollows() throws Exception {
        publish("a", 1, 2, 3, "b", 4, 5, "c");
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("a");
            TrackedEventMessage<?> firstNumber = stream.nextAvailable();
            assertThat(firstNumber.getPayload()).isEqualTo(1); // handed over: nobody said numbers are ignored yet
            stream.skipMessagesWithPayloadTypeOf(firstNumber);

            assertThat(stream.peek().orElseThrow().getPayload()).isEqualTo("b");
            TrackedEventMessage<?> b = stream.nextAvailable();
            assertThat(b.getPayload()).isEqualTo("b");
            assertThat(b.trackingToken().covers(positionOf(3))).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("c");
        }
    }

    /** The last event there is is handed over even when ignored, so that its token moves the reader to the head. */
    @Test
    void theLastEventIsHandedOverEvenWhenIgnored() throws Exception {
        publish(1, 2, 3, 4);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            stream.skipMessagesWithPayloadTypeOf(stream.nextAvailable());

            assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.peek().orElseThrow().getPayload()).isEqualTo(4);
            TrackedEventMessage<?> last = stream.nextAvailable();
            assertThat(last.getPayload()).isEqualTo(4);
            assertThat(last.trackingToken()).isEqualTo(store.createHeadToken());
            assertThat(stream.hasNextAvailable()).isFalse();

            publish(5, "d");
            nextAfterAWhile(stream, "d"); // the 5 is held until the "d" is there behind it
        }
    }

    /** A held event that something follows after all is passed over too. */
    @Test
    void aHeldEventIsPassedOverOnceSomethingFollowsIt() throws Exception {
        publish(1, 2);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            stream.skipMessagesWithPayloadTypeOf(stream.nextAvailable());
            assertThat(stream.peek().orElseThrow().getPayload()).isEqualTo(2); // held: nothing behind it

            publish("e");

            nextAfterAWhile(stream, "e");
            assertThat(stream.hasNextAvailable()).isFalse();
        }
    }

    /** The embedded store hands a stream what is published after it opened a moment later. */
    private static void nextAfterAWhile(BlockingStream<TrackedEventMessage<?>> stream, Object payload)
            throws InterruptedException {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> payload.equals(stream.peek().map(EventMessage::getPayload).orElse(null)));
        assertThat(stream.nextAvailable().getPayload()).isEqualTo(payload);
    }

    /**
     * Axon's own tracking processor on this source: it handles every event of its types, is handed few of the others
     * (without the source passing them over, it would be handed all 202), and its token reaches the store's head. (It
     * starts at the tail, not replaying: by default a processor that starts behind the head replays up to it through a
     * stream of Axon's own, which does not pass on what its processor ignores.)
     */
    @Test
    void aTrackingProcessorHandlesItsEventsAndReachesTheHead() {
        List<String> handled = new CopyOnWriteArrayList<>();
        AtomicInteger handedOver = new AtomicInteger();
        InMemoryTokenStore tokens = new InMemoryTokenStore();
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name("words")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Object() {
                    @EventHandler
                    void on(String word) {
                        handled.add(word);
                    }
                }).build())
                .messageSource(source)
                .tokenStore(tokens)
                .transactionManager(NoTransactionManager.INSTANCE)
                .messageMonitor(counting(handedOver))
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(10)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken)) // not a replay: see above
                .build();
        publish("first");
        publish(IntStream.range(0, 100).boxed().toArray());
        publish("second");
        publish(IntStream.range(100, 200).boxed().toArray());
        processor.start();
        try {

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(handled).containsExactly("first", "second");
                assertThat(tokens.fetchToken("words", 0).position()).isEqualTo(store.createHeadToken().position());
            });
            assertThat(handedOver.get()).isLessThan(20);
        } finally {
            processor.shutDown();
        }
    }

    private void publish(Object... payloads) {
        store.publish(Arrays.stream(payloads).map(GenericEventMessage::asEventMessage).toList());
    }

    private TrackingToken positionOf(int payload) throws InterruptedException {
        try (BlockingStream<TrackedEventMessage<?>> all = store.openStream(null)) {
            while (true) {
                TrackedEventMessage<?> event = all.nextAvailable();
                if (Integer.valueOf(payload).equals(event.getPayload())) {
                    return event.trackingToken();
                }
            }
        }
    }

    private static MessageMonitor<EventMessage<?>> counting(AtomicInteger handedOver) {
        return message -> {
            handedOver.incrementAndGet();
            return NoOpMessageMonitorCallback.INSTANCE;
        };
    }
}
