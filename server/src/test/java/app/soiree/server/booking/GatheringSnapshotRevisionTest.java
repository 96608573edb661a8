package app.soiree.server.booking;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.command.gathering.Gathering;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.StoredSnapshots;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A gathering's snapshot is the JSON of its fields. Snapshots written before its fields took their present shape
 * (revision 2: the seats are the member GatheringSeats) carry no revision; they must be skipped, and the gathering
 * rebuilt from its events, never loaded into the new shape.
 */
@IntegrationTest
class GatheringSnapshotRevisionTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("gatheringCache")
    Cache gatheringCache;
    @Autowired
    Snapshotter snapshotter;
    @Autowired
    Serializer serializer;

    @Test
    void aSnapshotOfThePresentShapeRoundTripsAndTheReloadedGatheringStillGuardsItsSeats() {
        Api api = new Api(port);
        Session host = api.newHost("Snapshot Host");
        String gatheringId = Gatherings.publish(api, host, Gatherings.gathering("New snapshot", List.of(Gatherings.tier("General", 1500, 2))));
        String tierId = Gatherings.firstTierId(api, gatheringId);
        Map<String, Object> booking = Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1);
        Session first = api.newUser("First");
        api.postOnce("/api/bookings", first.accessToken(), booking).expectStatus(201);

        snapshotter.scheduleSnapshot(Gathering.class, gatheringId);
        StoredSnapshots.awaitSnapshot(jdbc, gatheringId, "4", Duration.ofSeconds(10));
        StoredSnapshots.readBackWhole(jdbc, serializer, gatheringId);

        // Rebuilt from that snapshot, the gathering still knows the seat held before it and whose it is: the same guest
        // cannot hold another; one seat is left, then none.
        gatheringCache.removeAll();
        assertThat(api.postOnce("/api/bookings", first.accessToken(), booking).code()).isEqualTo("ALREADY_BOOKED");
        api.postOnce("/api/bookings", api.newUser("Second").accessToken(), booking).expectStatus(201);
        gatheringCache.removeAll();
        assertThat(api.postOnce("/api/bookings", api.newUser("Third").accessToken(), booking).code()).isEqualTo("SOLD_OUT");
    }

    @Test
    void aSnapshotOfAnOlderShapeIsSkippedAndTheGatheringRebuiltFromItsEvents() {
        Api api = new Api(port);
        Session host = api.newHost("Snapshot Host");
        String gatheringId = Gatherings.publish(api, host, Gatherings.gathering("Old snapshot", List.of(Gatherings.tier("General", 1500, 2))));
        String tierId = Gatherings.firstTierId(api, gatheringId);
        Map<String, Object> booking = Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1);
        api.postOnce("/api/bookings", api.newUser("First").accessToken(), booking).expectStatus(201);

        // The old shape had tiers, bookings and the offer count on the root. This one also says nothing is booked:
        // were it loaded, the tier would seem to have both seats free (or the gathering would not load at all).
        long lastSequence = jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, gatheringId);
        String oldShape = """
                {"gatheringId":"%s","status":"PUBLISHED","tiers":{},"bookings":{},"reviewers":[],"offersMade":0}""".formatted(gatheringId);
        jdbc.update("""
                insert into snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier, time_stamp,
                                                  payload_type, payload_revision, payload, meta_data)
                values (?, ?, 'Gathering', ?, ?, 'app.soiree.command.gathering.Gathering', null, ?, ?)""",
                gatheringId, lastSequence, UUID.randomUUID().toString(), Instant.now().toString(),
                oldShape.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        gatheringCache.removeAll();

        api.postOnce("/api/bookings", api.newUser("Second").accessToken(), booking).expectStatus(201);
        gatheringCache.removeAll();
        assertThat(api.postOnce("/api/bookings", api.newUser("Third").accessToken(), booking).code()).isEqualTo("SOLD_OUT");
    }
}
