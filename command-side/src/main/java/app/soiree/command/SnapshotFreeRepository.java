package app.soiree.command;

import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.RepositorySpanFactory;

/**
 * The cached repository of an aggregate type that never takes a snapshot: it loads an aggregate from its events alone.
 * Axon's event store asks the snapshot table first on every load that misses the cache, whatever the type. For a
 * {@code Payment} or a {@code Notification} that read always comes back empty, and both are created with
 * {@code CREATE_IF_MISSING}, which loads before it creates: two empty snapshot reads a booking, 600 of a rush's 34,000
 * statements. A type given this repository must not be given a snapshot trigger: one would be ignored on load.
 * <p>
 * Built as Axon's aggregate configuration builds its default repository (the configuration's parameter resolvers,
 * handler definitions, event store, repository provider and span factory, a pessimistic lock per aggregate), except that
 * an aggregate is made by its no-argument constructor (Axon's generic factory), not as a Spring prototype: a type given
 * this repository takes its resources as handler parameters, not as injected fields.
 */
public final class SnapshotFreeRepository<T> extends CachingEventSourcingRepository<T> {

    private final EventStore events;

    private SnapshotFreeRepository(EventSourcingRepository.Builder<T> builder, EventStore events) {
        super(builder);
        this.events = events;
    }

    /** For {@code @Aggregate(repository = ...)}: the type's repository with its cache. */
    public static <T> SnapshotFreeRepository<T> of(Class<T> type, Cache cache, Configuration axon) {
        EventStore events = axon.eventStore();
        return new SnapshotFreeRepository<>(EventSourcingRepository.builder(type)
                .parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(type))
                .eventStore(events)
                .repositoryProvider(axon::repository)
                .spanFactory(axon.getComponent(RepositorySpanFactory.class))
                .cache(cache), events);
    }

    @Override
    protected DomainEventStream readEvents(String aggregateIdentifier) {
        return events.readEvents(aggregateIdentifier, 0);
    }
}
