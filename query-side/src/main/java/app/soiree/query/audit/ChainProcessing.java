package app.soiree.query.audit;

import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the {@link ChainAppender} with Axon's event processing, on the tracking processor
 * {@code audit-chain} (application.yml: one segment, one thread). It runs wherever the query role runs;
 * with several query replicas one holds the segment's claim and the others stand by, so there is one
 * writer. In distributed mode it reads the events from Axon Server and keeps the chain in PostgreSQL.
 *
 * <p>A chain with a hole is worse than a chain that is late: a failing link is not logged and skipped,
 * as Axon does by default; the error propagates and the processor retries that event, with backoff,
 * until it goes through.
 */
@Configuration(proxyBeanMethods = false)
class ChainProcessing {

    /** The event store's serializer is Axon's, known once Axon is configured: hence a module rather than a bean handler. */
    @Bean
    ConfigurerModule auditChainAppender(ChainStore store, StoredPositions positions, Clock clock) {
        return configurer -> configurer.eventProcessing()
                .registerEventHandler(configuration -> new ChainAppender(store, positions, configuration.eventSerializer(), clock))
                .registerListenerInvocationErrorHandler(ChainAppender.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
