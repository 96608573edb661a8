package app.soiree.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.EarningsId;
import app.soiree.api.ledger.EarningsRecorded;
import app.soiree.api.ledger.RecordEarnings;
import app.soiree.command.ledger.GatheringEarnings;
import app.soiree.server.support.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A gathering's earnings get an event per capture, refund and dispute; they are cached and snapshotted so a capture
 * never replays the earlier ones. The snapshot must round-trip, and earnings rebuilt from it must still count each
 * source once.
 */
@IntegrationTest
class EarningsSnapshotTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("earningsCache")
    Cache earningsCache;
    @Autowired
    Snapshotter snapshotter;
    @Autowired
    Serializer serializer;

    @Test
    void earningsRebuiltFromTheirSnapshotStillCountEachSourceOnce() {
        GatheringId gathering = new GatheringId(UUID.randomUUID());
        EarningsId earnings = EarningsId.forGathering(gathering);
        UserId host = new UserId(UUID.randomUUID());
        for (int capture = 1; capture <= 3; capture++) {
            commands.sendAndWait(new RecordEarnings(earnings, gathering, host, "capture-" + capture, Money.of(1000, "EUR")));
        }

        snapshotter.scheduleSnapshot(GatheringEarnings.class, earnings.toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from snapshot_event_entry where aggregate_identifier = ?", Long.class, earnings.toString()) > 0);
        SimpleSerializedObject<byte[]> snapshot = jdbc.queryForObject(
                "select payload, payload_type, payload_revision from snapshot_event_entry where aggregate_identifier = ? "
                        + "order by sequence_number desc limit 1",
                (row, index) -> new SimpleSerializedObject<>(row.getBytes("payload"), byte[].class, row.getString("payload_type"),
                        row.getString("payload_revision")), earnings.toString());
        Object restored = serializer.deserialize(snapshot);
        assertThat(JSON.readTree(serializer.serialize(restored, byte[].class).getData())).isEqualTo(JSON.readTree(snapshot.getData()));

        earningsCache.removeAll();
        commands.sendAndWait(new RecordEarnings(earnings, gathering, host, "capture-2", Money.of(1000, "EUR")));
        commands.sendAndWait(new RecordEarnings(earnings, gathering, host, "capture-4", Money.of(1000, "EUR")));

        assertThat(events.readEvents(earnings.toString(), 0L).asStream().map(message -> message.getPayload())
                .filter(EarningsRecorded.class::isInstance).map(EarningsRecorded.class::cast).map(EarningsRecorded::source))
                .containsExactly("capture-1", "capture-2", "capture-3", "capture-4");
    }
}
