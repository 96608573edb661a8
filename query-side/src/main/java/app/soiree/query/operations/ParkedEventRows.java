package app.soiree.query.operations;

import app.soiree.api.operations.ParkedEventView;
import app.soiree.query.paging.TextCursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SimpleSerializedObject;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads Axon's {@code dead_letter_entry} table for staff, a page at a time by keyset (time parked,
 * then id), never the payloads. Axon's queue API is for processing, not for listing: it reads
 * whole sequences and deserialises every event.
 */
@Component
class ParkedEventRows {

    private static final String COLUMNS = "dead_letter_id, processing_group, sequence_identifier, sequence_index, event_identifier, "
            + "payload_type, sequence_number, enqueued_at, last_touched, cause_type, cause_message, diagnostics";

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectProvider<Configuration> axon;

    ParkedEventRows(NamedParameterJdbcTemplate jdbc, ObjectProvider<Configuration> axon) {
        this.jdbc = jdbc;
        this.axon = axon;
    }

    List<ParkedEventView> page(@Nullable String processingGroup, @Nullable TextCursor after, int rows) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("rows", rows);
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from dead_letter_entry where true");
        if (processingGroup != null) {
            sql.append(" and processing_group = :group");
            parameters.addValue("group", processingGroup);
        }
        if (after != null) {
            sql.append(" and (enqueued_at, dead_letter_id) > (:at, :id)");
            parameters.addValue("at", Timestamp.from(after.at())).addValue("id", after.key());
        }
        sql.append(" order by enqueued_at, dead_letter_id limit :rows");
        return jdbc.query(sql.toString(), parameters, (row, index) -> view(row));
    }

    long count(String processingGroup) {
        Long count = jdbc.queryForObject("select count(*) from dead_letter_entry where processing_group = :group",
                new MapSqlParameterSource("group", processingGroup), Long.class);
        return count == null ? 0 : count;
    }

    long countInSequence(String processingGroup, String sequence) {
        Long count = jdbc.queryForObject("select count(*) from dead_letter_entry where processing_group = :group and sequence_identifier = :sequence",
                new MapSqlParameterSource("group", processingGroup).addValue("sequence", sequence), Long.class);
        return count == null ? 0 : count;
    }

    @Nullable ParkedEventView head(String processingGroup, String sequence) {
        List<ParkedEventView> head = jdbc.query("select " + COLUMNS + " from dead_letter_entry where processing_group = :group "
                        + "and sequence_identifier = :sequence order by sequence_index limit 1",
                new MapSqlParameterSource("group", processingGroup).addValue("sequence", sequence), (row, index) -> view(row));
        return head.isEmpty() ? null : head.getFirst();
    }

    private ParkedEventView view(ResultSet row) throws SQLException {
        long aggregateSequence = row.getLong("sequence_number");
        Long aggregateSequenceOrNull = row.wasNull() ? null : aggregateSequence;
        Timestamp lastTouched = row.getTimestamp("last_touched");
        return new ParkedEventView(row.getString("dead_letter_id"), row.getString("processing_group"), row.getString("sequence_identifier"),
                row.getLong("sequence_index"), row.getString("event_identifier"), row.getString("payload_type"), aggregateSequenceOrNull,
                row.getTimestamp("enqueued_at").toInstant(), lastTouched == null ? null : lastTouched.toInstant(),
                row.getString("cause_type"), row.getString("cause_message"), retries(row.getBytes("diagnostics")));
    }

    /** The diagnostics are Axon's metadata, serialised as the dead-letter queue does (with the event serializer). */
    private int retries(byte @Nullable [] diagnostics) {
        Configuration configuration = axon.getIfAvailable();
        if (diagnostics == null || diagnostics.length == 0 || configuration == null) {
            return 0;
        }
        MetaData metaData = configuration.eventSerializer().deserialize(
                new SimpleSerializedObject<>(diagnostics, byte[].class, MetaData.class.getName(), null));
        return ParkingPolicy.retriesOf(metaData);
    }
}
