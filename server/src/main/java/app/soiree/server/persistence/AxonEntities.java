package app.soiree.server.persistence;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's JPA stores. Each side registers its own entity package; once any package is registered
 * explicitly, Axon's must be too, or the event store's entities drop out of the persistence unit.
 */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackages = {
        "org.axonframework.eventsourcing.eventstore.jpa",
        "org.axonframework.eventhandling.tokenstore.jpa",
        "org.axonframework.modelling.saga.repository.jpa",
        "org.axonframework.eventhandling.deadletter.jpa"})
class AxonEntities {
}
