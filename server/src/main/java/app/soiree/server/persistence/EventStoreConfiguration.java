package app.soiree.server.persistence;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;

/**
 * The embedded event store: Axon's JDBC storage engine on the tables its JPA engine used (migration
 * {@code V2026.12.11.10}). Every command appends its events and every tracking processor reads them here, so this is
 * the hottest code in the platform; through JPA each event was an entity Hibernate persisted, flushed and, for every
 * reader, hydrated again (a sixth of the server's CPU in a chat post, profiles in docs/benchmarks.md). The JDBC engine
 * writes a batch of rows and reads rows into messages directly, in the same Spring-managed transaction as the rest of
 * the unit of work (the connection is the transaction's own). Positions come from the table's default, one number per
 * event: no blocks of fifty handed out per process, which left a gap of up to fifty at every restart that each
 * processor then asked for by position for a minute. Under the {@code axonserver} profile Axon Server stores the
 * events and this is not made.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "axon.axonserver.enabled", havingValue = false)
class EventStoreConfiguration {

    static final EventSchema SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    /** As Axon's auto-configuration builds its JPA engine: the general serializer for snapshots, the event serializer for events. */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver, Configuration configuration,
                                          DataSource dataSource, TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(transactionManager)
                .schema(SCHEMA)
                .dataType(byte[].class)
                .build();
    }
}
