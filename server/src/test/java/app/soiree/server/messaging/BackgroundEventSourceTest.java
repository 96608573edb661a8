package app.soiree.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.server.support.IntegrationTest;
import app.soiree.server.web.RequestsInFlight;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BackgroundEventSourceTest {

    final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    final RequestsInFlight requests = new RequestsInFlight();
    final CountDownLatch answering = new CountDownLatch(1);
    final CountDownLatch answer = new CountDownLatch(1);

    @AfterEach
    void stop() throws InterruptedException {
        answer.countDown();
        store.shutDown();
    }

    @Test
    void withNobodyWaitingForAnAnswerEventsAreThereAtOnce() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("booked"));
        try (BlockingStream<TrackedEventMessage<?>> stream = source(Duration.ofSeconds(30)).openStream(null)) {
            long started = System.nanoTime();
            assertThat(stream.hasNextAvailable(1_000, TimeUnit.MILLISECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("booked");
        }
    }

    @Test
    void aBatchWaitsForTheRequestsBeingAnswered() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("booked"));
        Thread request = startRequest();
        try (BlockingStream<TrackedEventMessage<?>> stream = source(Duration.ofSeconds(30)).openStream(null)) {
            Thread processor = Thread.ofPlatform().start(() -> {
                try {
                    stream.hasNextAvailable(1_000, TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            });

            processor.join(300);
            assertThat(processor.isAlive()).as("waits while a request is answered").isTrue();
            answer.countDown();
            processor.join(10_000);
            assertThat(processor.isAlive()).as("goes on once it is answered, long before the 30 s").isFalse();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("booked");
        }
        request.join(10_000);
    }

    @Test
    void aBatchWaitsAtMostTheYield() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("booked"));
        Thread request = startRequest();
        try (BlockingStream<TrackedEventMessage<?>> stream = source(Duration.ofMillis(100)).openStream(null)) {
            long started = System.nanoTime();
            assertThat(stream.hasNextAvailable(1_000, TimeUnit.MILLISECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        }
        answer.countDown();
        request.join(10_000);
    }

    /**
     * Under a load that never leaves a quiet moment, a processor taking one event a batch would otherwise take one per
     * yield and fall behind without end.
     */
    @Test
    void aProcessorFurtherBehindThanTheGreatestLagDoesNotWait() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("booked"));
        Thread request = startRequest();
        Clock aMinuteAndASecondLater = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(61));
        try (BlockingStream<TrackedEventMessage<?>> stream = source(Duration.ofSeconds(30), aMinuteAndASecondLater).openStream(null)) {
            long started = System.nanoTime();
            assertThat(stream.hasNextAvailable(1_000, TimeUnit.MILLISECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("booked");
        }
        answer.countDown();
        request.join(10_000);
    }

    @Test
    void aProcessorWithinTheGreatestLagStillWaits() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("booked"));
        Thread request = startRequest();
        Clock fiftySecondsLater = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(50));
        try (BlockingStream<TrackedEventMessage<?>> stream = source(Duration.ofMillis(300), fiftySecondsLater).openStream(null)) {
            long started = System.nanoTime();
            assertThat(stream.hasNextAvailable(1_000, TimeUnit.MILLISECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
        answer.countDown();
        request.join(10_000);
    }

    /** Nor past the moment its next event is as old as the greatest lag: the settlement's processors wait a second at most. */
    @Test
    void aBatchWaitsNoLongerThanUntilItsNextEventIsAsOldAsTheGreatestLag() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("booked"));
        Thread request = startRequest();
        BackgroundEventSource settlement = new BackgroundEventSource(store, requests::awaitQuiet, Duration.ofSeconds(30), Duration.ofSeconds(1),
                Clock.systemUTC());
        try (BlockingStream<TrackedEventMessage<?>> stream = settlement.openStream(null)) {
            long started = System.nanoTime();
            assertThat(stream.hasNextAvailable(1_000, TimeUnit.MILLISECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(10));
        }
        answer.countDown();
        request.join(10_000);
    }

    @Test
    void lookingAheadInsideABatchNeverWaits() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("booked"));
        Thread request = startRequest();
        try (BlockingStream<TrackedEventMessage<?>> stream = source(Duration.ofSeconds(30)).openStream(null)) {
            long started = System.nanoTime();
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(stream.peek()).isPresent();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
        answer.countDown();
        request.join(10_000);
    }

    @Test
    void withoutEventsThereIsNothingToYield() throws Exception {
        Thread request = startRequest();
        try (BlockingStream<TrackedEventMessage<?>> stream = source(Duration.ofSeconds(30)).openStream(null)) {
            long started = System.nanoTime();
            assertThat(stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
        answer.countDown();
        request.join(10_000);
    }

    @Test
    void aZeroYieldReadsTheStoreAsItIs() {
        BackgroundEventSource source = source(Duration.ZERO);
        store.publish(GenericEventMessage.asEventMessage("booked"));

        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            assertThat(stream.getClass().getEnclosingClass()).isNotEqualTo(BackgroundEventSource.class);
        }
        assertThat(source.createHeadToken()).isEqualTo(store.createHeadToken());
        assertThat(source.createTailToken()).isEqualTo(store.createTailToken());
    }

    /** Records and views yield; what a guest or a member waits for does not. */
    @Nested
    @IntegrationTest
    class InThePlatform {

        @Autowired
        EventProcessingConfiguration processing;

        @Autowired
        @Qualifier("backgroundEvents")
        BackgroundEventSource backgroundEvents;

        @Autowired
        @Qualifier("settlementEvents")
        BackgroundEventSource settlementEvents;

        @Test
        void recordsAndViewsReadThroughIt() {
            for (String name : List.of("audit-chain", "audit-timeline", "ledger", "notifications", "notification-delivery", "notification-views",
                    "wallets", "earnings")) {
                assertThat(sourceOf(name)).as(name).isSameAs(backgroundEvents);
            }
        }

        @Test
        void confirmationsAndSeatCountsYieldToTheHoldsBeingAnsweredOnly() {
            for (String name : List.of("booking-payments", "gatherings")) {
                assertThat(sourceOf(name)).as(name).isSameAs(settlementEvents);
            }
        }

        @Test
        void chatMediaAndTheFeedDoNot() {
            for (String name : List.of("chat", "media", "media-processing", "social", "user-profiles")) {
                assertThat(sourceOf(name)).as(name).isNotInstanceOf(BackgroundEventSource.class);
            }
        }

        @Test
        void everyTrackingProcessorPassesOverWhatItIgnores() {
            assertThat(processing.eventProcessors()).isNotEmpty().allSatisfy((name, processor) -> {
                if (processor instanceof TrackingEventProcessor tracking) {
                    assertThat(tracking.getMessageSource()).as(name)
                            .isInstanceOfAny(IgnoredEventsPassedOver.class, BackgroundEventSource.class);
                }
            });
        }

        private Object sourceOf(String processor) {
            return processing.eventProcessor(processor, TrackingEventProcessor.class).orElseThrow().getMessageSource();
        }
    }

    private BackgroundEventSource source(Duration maxYield) {
        return source(maxYield, Clock.systemUTC());
    }

    /** With the platform's greatest lag, 60 s. */
    private BackgroundEventSource source(Duration maxYield, Clock clock) {
        return new BackgroundEventSource(store, requests::awaitQuiet, maxYield, Duration.ofSeconds(60), clock);
    }

    /** An API request that is being answered until {@link #answer} counts down. */
    private Thread startRequest() throws InterruptedException {
        Thread request = Thread.ofPlatform().start(() -> {
            try {
                requests.doFilter(new MockHttpServletRequest("POST", "/api/bookings"), new MockHttpServletResponse(), (req, res) -> {
                    answering.countDown();
                    try {
                        answer.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(answering.await(10, TimeUnit.SECONDS)).isTrue();
        return request;
    }
}
