package app.soiree.server.persistence;

import javax.sql.DataSource;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's saga store, through JDBC on the tables its JPA store used ({@code saga_entry}, {@code association_value_entry};
 * the association ids now come from the table's default, migration {@code V2026.12.12.10}). The booking-payment saga
 * loads, updates and finds a saga for nearly every event of a booking; through JPA that was a sixth of a booking rush's
 * processor CPU (queries built and entities hydrated, flushed and dirty-checked per event), where the JDBC store sends
 * the same few statements directly, in the batch's own transaction (the connection is that transaction's); a saga's
 * insertion, loading and deletion one statement each ({@link SagaStoreInFewerStatements}).
 */
@Configuration(proxyBeanMethods = false)
class SagaStoreConfiguration {

    static final SagaSchema SCHEMA = SagaSchema.builder()
            .sagaEntryTable("saga_entry")
            .revisionColumn("revision")
            .serializedSagaColumn("serialized_saga")
            .associationValueEntryTable("association_value_entry")
            .associationKeyColumn("association_key")
            .associationValueColumn("association_value")
            .sagaIdColumn("saga_id")
            .sagaTypeColumn("saga_type")
            .build();

    @Bean
    SagaStore<Object> sagaStore(DataSource dataSource, JdbcTemplate jdbc, Serializer serializer) {
        return new SagaStoreInFewerStatements(JdbcSagaStore.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .sqlSchema(new PostgresSagaSqlSchema(SCHEMA))
                .serializer(serializer), jdbc, serializer);
    }
}
