package app.soiree.server.persistence;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's JPA store of parked events (the dead-letter queue). Each side registers its own entity package; once any package is
 * registered explicitly, Axon's must be too, or they drop out of the persistence unit. The event store is not among them:
 * it is written and read through JDBC ({@link EventStoreConfiguration}), as are the processors' tokens
 * (TokenStoreConfiguration) and the sagas ({@link SagaStoreConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackages = {
        "org.axonframework.eventhandling.deadletter.jpa"})
class AxonEntities {
}
