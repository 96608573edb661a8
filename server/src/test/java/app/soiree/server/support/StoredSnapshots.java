package app.soiree.server.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** An aggregate's snapshot as the event store keeps it, for the tests that take one and load from it. */
public final class StoredSnapshots {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StoredSnapshots() {
    }

    /** Waits until a snapshot of this revision is stored (the snapshotter writes on a thread of its own). */
    public static void awaitSnapshot(JdbcTemplate jdbc, String aggregateId, String revision, Duration atMost) {
        await().atMost(atMost).until(() -> jdbc.queryForObject(
                "select count(*) from snapshot_event_entry where aggregate_identifier = ? and payload_revision = ?", Long.class,
                aggregateId, revision) > 0);
    }

    /**
     * Reads the aggregate's stored snapshot and checks that it reads back into an object that writes the same JSON: no field
     * lost or changed on the way. Answers the object.
     */
    public static Object readBackWhole(JdbcTemplate jdbc, Serializer serializer, String aggregateId) {
        SimpleSerializedObject<byte[]> snapshot = jdbc.queryForObject(
                "select payload, payload_type, payload_revision from snapshot_event_entry where aggregate_identifier = ?",
                (row, index) -> new SimpleSerializedObject<>(row.getBytes("payload"), byte[].class, row.getString("payload_type"),
                        row.getString("payload_revision")), aggregateId);
        Object restored = serializer.deserialize(snapshot);
        assertThat(JSON.readTree(serializer.serialize(restored, byte[].class).getData())).isEqualTo(JSON.readTree(snapshot.getData()));
        return restored;
    }

    /** The stored snapshot's payload as text. */
    public static String payload(JdbcTemplate jdbc, String aggregateId) {
        return jdbc.queryForObject("select convert_from(payload, 'UTF8') from snapshot_event_entry where aggregate_identifier = ?",
                String.class, aggregateId);
    }
}
