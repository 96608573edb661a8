package app.soiree.server.booking;

import static app.soiree.server.support.Gatherings.gathering;
import static app.soiree.server.support.Gatherings.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.LostAnswers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Ids a client sends can never name someone else's object (issue 12, finding 1): a booking id is new
 * in the whole store and bound to its guest and gathering, and the server makes gathering and payout ids.
 */
@IntegrationTest
class BookingIdsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    Session host;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        host = api.newHost("Ids Host");
    }

    @Test
    void aHostCannotTakeOverAGuestsBookingByReusingItsIdAtAnotherGathering() {
        String ownGathering = Gatherings.publish(api, host, gathering("Supper", List.of(tier("Seat", 0, 10))));
        String otherGathering = Gatherings.publish(api, host, gathering("Brunch", List.of(tier("Seat", 0, 10))));
        Session guest = api.newUser("Booked Guest");
        String guestsBooking = book(guest, ownGathering, null).expectStatus(201).json().get("bookingId").asString();
        // The host sees the guest's booking id in the attendee list...
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/gatherings/" + ownGathering + "/attendees", host.accessToken())
                .body().contains(guestsBooking));

        // ...and books another gathering under it: refused, whatever gathering or tier it names.
        Response hijack = book(host, otherGathering, guestsBooking);
        assertThat(hijack.status()).isEqualTo(409);
        assertThat(hijack.code()).isEqualTo("ID_ALREADY_USED");
        assertThat(book(host, ownGathering, guestsBooking).status()).isEqualTo(409);
        assertThat(api.postOnce("/api/bookings/" + guestsBooking + "/cancel", host.accessToken(), null).status()).isEqualTo(404);

        // The guest's booking is untouched and still theirs to cancel.
        JsonNode booking = api.get("/api/bookings/" + guestsBooking, guest.accessToken()).expectStatus(200).json();
        assertThat(booking.get("guestId").asString()).isEqualTo(guest.userId());
        assertThat(booking.get("gatheringId").asString()).isEqualTo(ownGathering);
        assertThat(booking.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(api.postOnce("/api/bookings/" + guestsBooking + "/cancel", guest.accessToken(), null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(
                api.get("/api/bookings/" + guestsBooking, guest.accessToken()).json().get("status").asString()));
    }

    @Test
    void aClientIdIsClaimedForItsFirstCallerOnlyAndRetriesFindTheSameBooking() {
        String first = Gatherings.publish(api, host, gathering("Tasting", List.of(tier("Seat", 0, 10))));
        String second = Gatherings.publish(api, host, gathering("Concert", List.of(tier("Seat", 0, 10))));
        Session guest = api.newUser("Own Id Guest");
        Session stranger = api.newUser("Stranger");
        String chosen = UUID.randomUUID().toString();

        // A fresh random id is the caller's at that gathering from the first request on.
        assertThat(book(guest, first, chosen).expectStatus(201).json().get("bookingId").asString()).isEqualTo(chosen);
        assertThat(book(guest, first, chosen).expectStatus(201).json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(book(guest, second, chosen).code()).isEqualTo("ID_ALREADY_USED");
        assertThat(book(stranger, first, chosen).code()).isEqualTo("ID_ALREADY_USED");

        // A name-based id (the kind the platform derives for waitlist offers) cannot be reserved ahead of its owner.
        String derived = UUID.nameUUIDFromBytes("waitlist-offer:guess".getBytes(StandardCharsets.UTF_8)).toString();
        Response refused = book(guest, second, derived);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
    }

    /**
     * A crash after the seats were held and before the answer was remembered: the client's retry, carried out again, comes
     * back to the booking the first attempt made (its id follows from the key), with the same payment to complete,
     * instead of being refused as a second booking while the first holds the guest's seats.
     */
    @Test
    void aRetryWhoseAnswerWasLostFindsTheBookingAndPaymentItMade() {
        String gatheringId = Gatherings.publish(api, host, gathering("Lost answer", List.of(tier("Seat", 1500, 5))));
        String tierId = Gatherings.firstTierId(api, gatheringId);
        Session guest = api.newUser("Unlucky Guest");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 2);
        JsonNode first = api.post("/api/bookings", guest.accessToken(), body, Map.of("Idempotency-Key", key)).expectStatus(201).json();
        assertThat(first.get("status").asString()).isEqualTo("HELD");

        LostAnswers.forget(jdbc, guest.userId(), key);
        Response retried = api.post("/api/bookings", guest.accessToken(), body, Map.of("Idempotency-Key", key));

        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        JsonNode again = retried.json();
        assertThat(again.get("bookingId").asString()).isEqualTo(first.get("bookingId").asString());
        assertThat(again.get("status").asString()).isEqualTo("HELD");
        assertThat(again.get("payment").get("paymentId").asString()).isEqualTo(first.get("payment").get("paymentId").asString());
        assertThat(again.get("payment").get("clientSecret").asString()).isEqualTo(first.get("payment").get("clientSecret").asString());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/gatherings/" + gatheringId, null).json().get("tiers").get(0).get("available").asInt()).isEqualTo(3));
    }

    @Test
    void concurrentFirstUsesOfOneIdAtTwoGatheringsLeaveItWithOneOfThem() throws Exception {
        String first = Gatherings.publish(api, host, gathering("Race one", List.of(tier("Seat", 0, 10))));
        String second = Gatherings.publish(api, host, gathering("Race two", List.of(tier("Seat", 0, 10))));
        Session guest = api.newUser("Racing Guest");
        for (int round = 0; round < 5; round++) {
            String chosen = UUID.randomUUID().toString();
            var one = java.util.concurrent.CompletableFuture.supplyAsync(() -> book(guest, first, chosen));
            var two = java.util.concurrent.CompletableFuture.supplyAsync(() -> book(guest, second, chosen));
            List<Integer> statuses = List.of(one.get().status(), two.get().status());
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            // The booking read model names the gathering that won, and only that one holds it.
            String winner = one.get().status() == 201 ? first : second;
            await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/bookings/" + chosen, guest.accessToken()).status() == 200);
            assertThat(api.get("/api/bookings/" + chosen, guest.accessToken()).json().get("gatheringId").asString()).isEqualTo(winner);
            api.postOnce("/api/bookings/" + chosen + "/cancel", guest.accessToken(), null).expectStatus(200);
        }
    }

    @Test
    void theServerMakesGatheringIdsSoAnExistingOneCannotBeCreatedAgain() {
        String existing = Gatherings.publish(api, host, gathering("Original", List.of(tier("Seat", 0, 10))));
        Map<String, Object> body = new HashMap<>(gathering("Impostor", List.of(tier("Seat", 0, 10))));
        body.put("gatheringId", existing);

        Response created = api.post("/api/gatherings", host.accessToken(), body).expectStatus(201);

        assertThat(created.json().get("gatheringId").asString()).isNotEqualTo(existing);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/gatherings/" + existing, null).status() == 200);
        assertThat(api.get("/api/gatherings/" + existing, null).json().get("title").asString()).isEqualTo("Original");
    }

    @Test
    void aPriceThatCouldOverflowATotalIsRefusedAtCreation() {
        Response refused = api.post("/api/gatherings", host.accessToken(),
                gathering("Gold", List.of(tier("Seat", Long.MAX_VALUE - 1, 10))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");

        // The most a seat may cost, booked ten at a time, is answered normally.
        String gatheringId = Gatherings.publish(api, host, gathering("Dear", List.of(tier("Seat", 100_000_000L, 100))));
        String tierId = Gatherings.firstTierId(api, gatheringId);
        Session guest = api.newUser("Big Spender");
        Response held = api.postOnce("/api/bookings", guest.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 10));
        assertThat(held.expectStatus(201).json().get("amount").get("amount").asLong()).isEqualTo(1_000_000_000L);
    }

    private Response book(Session guest, String gatheringId, String bookingId) {
        String tierId = Gatherings.firstTierId(api, gatheringId);
        Map<String, Object> body = new HashMap<>(Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1));
        if (bookingId != null) {
            body.put("bookingId", bookingId);
        }
        return api.postOnce("/api/bookings", guest.accessToken(), body);
    }
}
