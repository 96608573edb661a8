package app.soiree.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;

/**
 * An aggregate of a type that never takes a snapshot is created and loaded without the snapshot table being asked, and
 * from its events alone; Axon's own repository, built the same way, asks it on every load that misses the cache.
 */
class SnapshotFreeRepositoryTest {

    private final CountingStorage storage = new CountingStorage();
    private final Configuration axon = DefaultConfigurer.defaultConfiguration()
            .configureEmbeddedEventStore(configuration -> storage)
            .buildConfiguration();

    @Test
    void anAggregateIsCreatedAndLoadedWithoutASnapshotRead() {
        count(SnapshotFreeRepository.of(Tally.class, cache(), axon), "tally-1");
        count(SnapshotFreeRepository.of(Tally.class, cache(), axon), "tally-1"); // a new cache: loaded from the store

        assertThat(storage.snapshotReads).hasValue(0);
        assertThat(storage.readEvents("tally-1").asStream()).hasSize(2);
    }

    @Test
    void aSnapshotInTheStoreIsNotUsed() {
        count(SnapshotFreeRepository.of(Tally.class, cache(), axon), "tally-2");
        Tally pretended = new Tally();
        pretended.id = "tally-2";
        pretended.count = 100;
        storage.storeSnapshot(new GenericDomainEventMessage<>(Tally.class.getSimpleName(), "tally-2", 0, pretended));

        assertThat(count(SnapshotFreeRepository.of(Tally.class, cache(), axon), "tally-2")).isEqualTo(2);
    }

    @Test
    void axonsOwnRepositoryReadsTheSnapshotTableBeforeEveryLoadFromTheStore() {
        Repository<Tally> axons = EventSourcingRepository.builder(Tally.class)
                .parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(Tally.class))
                .eventStore(axon.eventStore())
                .cache(cache())
                .build();

        count(axons, "tally-3");

        assertThat(storage.snapshotReads).hasValue(1);
    }

    /** Creates the tally if it is missing and counts once, committed; the count it came to. */
    private static int count(Repository<Tally> repository, String id) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        int[] counted = new int[1];
        unitOfWork.execute(() -> {
            try {
                repository.loadOrCreate(id, Tally::new).execute(tally -> {
                    tally.countOnce(id);
                    counted[0] = tally.count;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return counted[0];
    }

    private static AggregateCache cache() {
        return new AggregateCache(100, Duration.ofMinutes(1));
    }

    static class Tally {

        @AggregateIdentifier
        String id;
        int count;

        void countOnce(String id) {
            apply(new Counted(id));
        }

        @EventSourcingHandler
        void on(Counted event) {
            id = event.id();
            count++;
        }
    }

    record Counted(String id) {
    }

    /** Axon's in-memory storage engine, counting how often it is asked for a snapshot. */
    static final class CountingStorage extends InMemoryEventStorageEngine {

        final AtomicInteger snapshotReads = new AtomicInteger();

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            snapshotReads.incrementAndGet();
            return super.readSnapshot(aggregateIdentifier);
        }
    }
}
