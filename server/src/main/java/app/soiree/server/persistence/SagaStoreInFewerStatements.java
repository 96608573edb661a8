package app.soiree.server.persistence;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jpa.SagaEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's JDBC saga store on the same tables, with a saga's insertion, loading and deletion each one statement instead of
 * one per table and association. A booking's payment saga is inserted with two associations, loaded once and deleted:
 * of its nine statements a booking, seven were these, three now (a rush's statements cost PostgreSQL more to receive and
 * commit than to execute). Finding and updating stay Axon's. The statements run on the transaction's connection, as
 * Axon's do (the template and Axon's connection provider both take it from Spring's transaction).
 */
final class SagaStoreInFewerStatements extends JdbcSagaStore {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    SagaStoreInFewerStatements(JdbcSagaStore.Builder builder, JdbcTemplate jdbc, Serializer serializer) {
        super(builder);
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    @Override
    public void insertSaga(Class<?> sagaType, String sagaIdentifier, Object saga, Set<AssociationValue> associationValues) {
        SagaEntry<?> entry = new SagaEntry<>(saga, sagaIdentifier, serializer);
        List<AssociationValue> associations = List.copyOf(associationValues);
        jdbc.update("""
                with saga as (insert into saga_entry (saga_id, revision, saga_type, serialized_saga) values (?, ?, ?, ?))
                insert into association_value_entry (association_key, association_value, saga_type, saga_id)
                select association.key, association.value, ?, ? from unnest(?::text[], ?::text[]) as association (key, value)
                """, sagaIdentifier, entry.getRevision(), entry.getSagaType(), entry.getSerializedSaga(),
                typeName(sagaType), sagaIdentifier,
                associations.stream().map(AssociationValue::getKey).toArray(String[]::new),
                associations.stream().map(AssociationValue::getValue).toArray(String[]::new));
    }

    @Override
    public <S> SagaStore.@Nullable Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        record Row(byte[] serialized, String type, @Nullable String revision, @Nullable AssociationValue association) {
        }
        List<Row> rows = jdbc.query("""
                select saga.serialized_saga, saga.saga_type, saga.revision, association.association_key, association.association_value
                from saga_entry saga
                left join association_value_entry association on association.saga_id = saga.saga_id and association.saga_type = ?
                where saga.saga_id = ?
                """, (rs, number) -> new Row(rs.getBytes(1), rs.getString(2), rs.getString(3),
                rs.getString(4) == null ? null : new AssociationValue(rs.getString(4), rs.getString(5))),
                typeName(sagaType), sagaIdentifier);
        if (rows.isEmpty()) {
            return null;
        }
        Row first = rows.getFirst();
        S saga = serializer.deserialize(new SimpleSerializedObject<>(first.serialized(), byte[].class, first.type(), first.revision()));
        Set<AssociationValue> associations = new HashSet<>();
        rows.forEach(row -> {
            if (row.association() != null) {
                associations.add(row.association());
            }
        });
        return new Loaded<>(saga, associations);
    }

    @Override
    public void deleteSaga(Class<?> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
        jdbc.update("""
                with associations as (delete from association_value_entry where saga_id = ?)
                delete from saga_entry where saga_id = ?
                """, sagaIdentifier, sagaIdentifier);
    }

    private String typeName(Class<?> sagaType) {
        return serializer.typeForClass(sagaType).getName();
    }

    private record Loaded<S>(S saga, Set<AssociationValue> associationValues) implements SagaStore.Entry<S> {
    }
}
