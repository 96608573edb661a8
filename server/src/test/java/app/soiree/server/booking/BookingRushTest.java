package app.soiree.server.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.axonframework.common.caching.Cache;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The heart of booking: 500 guests press "book" at the same instant for a tier of 50 seats. Exactly
 * 50 get seats, every other one is told SOLD_OUT, nobody gets an error, and the responses, the event
 * store and the read model agree.
 */
@IntegrationTest
class BookingRushTest {

    static final int GUESTS = 500;
    static final int SEATS = 50;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Serializer serializer;
    @Autowired
    @Qualifier("gatheringCache")
    Cache gatheringCache;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void fiveHundredConcurrentGuestsNeverOverbookATierOfFifty() throws Exception {
        Api api = new Api(port);
        Session host = api.newHost("Rush Host");
        String gatheringId = Gatherings.publish(api, host,
                Gatherings.gathering("Rush", List.of(Gatherings.tier("General", 1500, SEATS))));
        String tierId = await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/gatherings/" + gatheringId, null), r -> r.status() == 200)
                .json().get("tiers").get(0).get("tierId").asString();
        List<Session> guests = registerGuests(api);

        List<Response> responses = bookAllAtOnce(api, guests, gatheringId, tierId);

        Map<Integer, Long> byStatus = responses.stream().collect(Collectors.groupingBy(Response::status, Collectors.counting()));
        assertThat(byStatus).containsOnlyKeys(201, 422);
        assertThat(byStatus.get(201)).isEqualTo(SEATS);
        assertThat(byStatus.get(422)).isEqualTo(GUESTS - SEATS);
        assertThat(responses.stream().filter(r -> r.status() == 422).map(Response::code)).containsOnly("SOLD_OUT");
        assertThat(responses.stream().filter(r -> r.status() == 201).map(r -> r.json().get("status").asString())).containsOnly("HELD");

        Long seatsHeldInStore = jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%.SeatsHeld'""",
                Long.class, gatheringId);
        assertThat(seatsHeldInStore).isEqualTo(SEATS);
        eachHoldIsItsOwnGuestsEvenWhenDecidedInABatch(gatheringId);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Response gathering = api.get("/api/gatherings/" + gatheringId, null).expectStatus(200);
            assertThat(gathering.json().get("tiers").get(0).get("available").asInt()).isZero();
            Long heldInProjection = jdbc.queryForObject("select count(*) from bookings where gathering_id = ?::uuid and status = 'HELD'",
                    Long.class, gatheringId);
            assertThat(heldInProjection).isEqualTo(SEATS);
        });

        theSnapshotRoundTripsAndTheReloadedGatheringStillGuardsItsSeats(api, guests, responses, gatheringId, tierId);
    }

    /**
     * Holds that queue for a gathering are decided together (HoldBatches), yet each event still names its own guest as
     * the one who acted, and each hold is a chain of its own: the audit trail reads as if every hold had been sent alone.
     */
    private void eachHoldIsItsOwnGuestsEvenWhenDecidedInABatch(String gatheringId) {
        List<JsonNode[]> held = jdbc.query("""
                select payload, meta_data from domain_event_entry where aggregate_identifier = ? and payload_type like '%.SeatsHeld'""",
                (row, index) -> new JsonNode[] {JSON.readTree(row.getBytes("payload")), JSON.readTree(row.getBytes("meta_data"))},
                gatheringId);
        assertThat(held).hasSize(SEATS).allSatisfy(event -> {
            assertThat(event[1].get("userId").asString()).isEqualTo(event[0].get("guestId").asString());
            assertThat(event[1].get("userRoles").asString()).isEqualTo("GUEST");
            assertThat(event[1].get("causationType").asString()).isEqualTo("command:HoldSeats");
        });
        assertThat(held.stream().map(event -> event[1].get("correlationId").asString()).distinct()).hasSize(SEATS);
    }

    /**
     * With the cache emptied, the gathering is rebuilt from its latest snapshot plus the events after
     * it, and must decide exactly as before: a cancelled seat can be booked once, and only once.
     */
    private void theSnapshotRoundTripsAndTheReloadedGatheringStillGuardsItsSeats(
            Api api, List<Session> guests, List<Response> responses, String gatheringId, String tierId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from snapshot_event_entry where aggregate_identifier = ?", Long.class, gatheringId) > 0);
        SimpleSerializedObject<byte[]> snapshot = jdbc.queryForObject(
                "select payload, payload_type, payload_revision from snapshot_event_entry"
                        + " where aggregate_identifier = ? order by sequence_number desc limit 1",
                (row, index) -> new SimpleSerializedObject<>(row.getBytes("payload"), byte[].class,
                        row.getString("payload_type"), row.getString("payload_revision")),
                gatheringId);
        Object restored = serializer.deserialize(snapshot);
        assertThat(JSON.readTree(serializer.serialize(restored, byte[].class).getData())).isEqualTo(JSON.readTree(snapshot.getData()));

        gatheringCache.removeAll();
        int winner = indexOf(responses, 201, 0);
        String bookingId = responses.get(winner).json().get("bookingId").asString();
        api.postOnce("/api/bookings/" + bookingId + "/cancel", guests.get(winner).accessToken(), null).expectStatus(200);
        int firstLoser = indexOf(responses, 422, 0);
        int secondLoser = indexOf(responses, 422, firstLoser + 1);
        Map<String, Object> booking = Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1);
        gatheringCache.removeAll();
        api.postOnce("/api/bookings", guests.get(firstLoser).accessToken(), booking).expectStatus(201);
        gatheringCache.removeAll();
        assertThat(api.postOnce("/api/bookings", guests.get(secondLoser).accessToken(), booking).code()).isEqualTo("SOLD_OUT");
    }

    private static int indexOf(List<Response> responses, int status, int from) {
        for (int i = from; i < responses.size(); i++) {
            if (responses.get(i).status() == status) {
                return i;
            }
        }
        throw new AssertionError("no response with status " + status);
    }

    private List<Session> registerGuests(Api api) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<Session>> futures = new ArrayList<>();
            for (int i = 0; i < GUESTS; i++) {
                int n = i;
                futures.add(pool.submit(() -> api.newUser("Guest " + n)));
            }
            List<Session> guests = new ArrayList<>();
            for (Future<Session> future : futures) {
                guests.add(future.get());
            }
            return guests;
        }
    }

    private List<Response> bookAllAtOnce(Api api, List<Session> guests, String gatheringId, String tierId) throws Exception {
        CountDownLatch startingGun = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Response>> futures = new ArrayList<>();
            for (Session guest : guests) {
                futures.add(pool.submit(() -> {
                    startingGun.await();
                    return api.postOnce("/api/bookings", guest.accessToken(),
                            Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1));
                }));
            }
            startingGun.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        }
    }
}
