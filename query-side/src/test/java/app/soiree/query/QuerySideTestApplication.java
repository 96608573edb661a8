package app.soiree.query;

import app.soiree.store.LocalObjectStore;
import app.soiree.store.ObjectStore;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.flywaydb.core.Flyway;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.messaging.converter.SimpleMessageConverter;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The query side as the server runs it (its auto-configuration, JPA with schema validation, the
 * query schema migrated by Flyway on a real PostgreSQL) with Axon reduced to an in-process query
 * bus and a direct event delivery; see {@link TestEvents}.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({QuerySideAutoConfiguration.class, HibernateJpaAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        JdbcClientAutoConfiguration.class, TransactionAutoConfiguration.class, JacksonAutoConfiguration.class})
public class QuerySideTestApplication {

    /** Media bytes in a directory of the test run's own. */
    @Bean
    ObjectStore objectStore() throws IOException {
        return new LocalObjectStore(Files.createTempDirectory("soiree-query-objects"));
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8")
                .start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(4);
        // Before Hibernate starts: it validates its mappings against this schema. The platform's tables the query
        // side reads but does not own (content_keys) come from a copy of their migration.
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/query", "classpath:db/migration/platform-for-tests")
                .load().migrate();
        return dataSource;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** For the audit trail, which reads the event store; tests append what it should find. */
    @Bean(destroyMethod = "shutDown")
    EventStore eventStore() {
        return EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    }

    /** Subscription queries' updates (disputes, payouts), as the server's Axon configuration provides them. */
    @Bean
    QueryUpdateEmitter queryUpdateEmitter() {
        return SimpleQueryUpdateEmitter.builder().build();
    }

    @Bean
    QueryBus queryBus(QueryUpdateEmitter queryUpdateEmitter) {
        return SimpleQueryBus.builder().queryUpdateEmitter(queryUpdateEmitter).build();
    }

    @Bean
    QueryGateway queryGateway(QueryBus queryBus) {
        return DefaultQueryGateway.builder().queryBus(queryBus).build();
    }

    /** For the ledger replays, which are started by a command. */
    @Bean
    CommandBus commandBus() {
        return SimpleCommandBus.builder().build();
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    /** Keeps what the projections push, for the tests to look at; it stands in for the real {@code StompUserPush}. */
    @Bean
    @Primary
    RecordedPushes recordedPushes() {
        return new RecordedPushes();
    }

    /** The real {@code StompUserPush} sends into this instead of a broker. */
    @Bean
    app.soiree.query.realtime.RecordedPushes brokerPushes() {
        return new app.soiree.query.realtime.RecordedPushes();
    }

    @Bean
    SimpMessagingTemplate brokerMessagingTemplate(app.soiree.query.realtime.RecordedPushes brokerPushes) {
        SimpMessagingTemplate template = new SimpMessagingTemplate(brokerPushes);
        template.setMessageConverter(new SimpleMessageConverter()); // keeps the envelope as it was pushed
        return template;
    }

    @Bean
    TestEvents testEvents(ApplicationContext context, QueryBus queryBus, CommandBus commandBus, TransactionTemplate transactions) {
        return new TestEvents(context, queryBus, commandBus, transactions);
    }
}
