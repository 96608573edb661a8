package app.soiree.query.ledger;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * An event stream of a test's own, in memory, so that a replay reads exactly the events the test
 * appended. {@link #stored()} gives them back as a tracking processor receives them: with their
 * positions, which the live journal records.
 */
final class TestStream implements AutoCloseable {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();

    EventStore store() {
        return store;
    }

    void append(EventMessage<?>... events) {
        store.publish(events);
    }

    List<TrackedEventMessage<?>> stored() {
        TrackingToken head = store.createHeadToken();
        List<TrackedEventMessage<?>> messages = new ArrayList<>();
        if (head == null) {
            return messages;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            while (true) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                messages.add(message);
                if (message.trackingToken().covers(head)) {
                    return messages;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        store.shutDown();
    }
}
