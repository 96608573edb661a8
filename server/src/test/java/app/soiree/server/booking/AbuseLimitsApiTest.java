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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Scalping and mass registration (issue 12, finding 6), at the default limits. The test's own
 * requests come from the loopback, which the test profile exempts; these come through it as a proxy
 * would send them, naming the client in {@code X-Forwarded-For}.
 */
@IntegrationTest
class AbuseLimitsApiTest {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void oneAddressOpensAtMostTwentyAccountsAnHour() {
        String address = anotherAddress();
        for (int i = 0; i < 20; i++) {
            register(address).expectStatus(201);
        }

        Response refused = register(address);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        register(anotherAddress()).expectStatus(201);
    }

    @Test
    void fiveAccountsFromOneAddressCannotHoldAWholeGatheringUnpaid() {
        Session host = api.newHost("Scalped Host");
        String gatheringId = Gatherings.publish(api, host, gathering("Hot ticket", List.of(tier("Seat", 2500, 50))));
        String tierId = Gatherings.firstTierId(api, gatheringId);
        String scalper = anotherAddress();
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(book(api.newUser("Scalper " + i), gatheringId, tierId, 10, scalper));
        }

        assertThat(answers.getFirst().expectStatus(201).json().get("status").asString()).isEqualTo("HELD");
        for (Response refused : answers.subList(1, 5)) {
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.code()).isEqualTo("RATE_LIMITED");
            // The first unpaid hold from that address lapses within the hold time (10 minutes).
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 600L);
        }
        // A real guest elsewhere still gets a seat.
        assertThat(book(api.newUser("Real Guest"), gatheringId, tierId, 2, anotherAddress()).expectStatus(201).json()
                .get("status").asString()).isEqualTo("HELD");
    }

    @Test
    void anAccountHoldsAtMostThreeUnpaidBookingsAndAnAbandonedOneGivesItsPlaceBackAtOnce() {
        Session host = api.newHost("Popular Host");
        Session guest = api.newUser("Greedy Guest");
        List<String> bookings = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String gatheringId = Gatherings.publish(api, host, gathering("Night " + i, List.of(tier("Seat", 1500, 20))));
            bookings.add(book(guest, gatheringId, Gatherings.firstTierId(api, gatheringId), 1, anotherAddress())
                    .expectStatus(201).json().get("bookingId").asString());
        }
        String fourth = Gatherings.publish(api, host, gathering("Night 4", List.of(tier("Seat", 1500, 20))));
        String fourthTier = Gatherings.firstTierId(api, fourth);

        assertThat(book(guest, fourth, fourthTier, 1, anotherAddress()).code()).isEqualTo("RATE_LIMITED");

        // The guest abandons one payment: the hold is released at once, and so is its place.
        api.post("/api/bookings/" + bookings.getFirst() + "/cancel", guest.accessToken(), null,
                Map.of("Idempotency-Key", UUID.randomUUID().toString(), "X-Forwarded-For", anotherAddress())).expectStatus(200);
        Response fourthHeld = book(guest, fourth, fourthTier, 1, anotherAddress()).expectStatus(201);
        assertThat(fourthHeld.json().get("status").asString()).isEqualTo("HELD");

        // The provider declines another payment (the guest gave up at checkout): its hold and its place go back at once,
        // and a paid one stops counting as unpaid.
        String fifth = Gatherings.publish(api, host, gathering("Night 5", List.of(tier("Seat", 1500, 20))));
        String fifthTier = Gatherings.firstTierId(api, fifth);
        assertThat(book(guest, fifth, fifthTier, 1, anotherAddress()).code()).isEqualTo("RATE_LIMITED");
        api.post("/api/dev/payments/" + fourthHeld.json().get("payment").get("paymentId").asString() + "/outcome", guest.accessToken(),
                Map.of("outcome", "failed")).expectStatus(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> book(guest, fifth, fifthTier, 1, anotherAddress()).status() == 201);
    }

    @Test
    void aSoldOutAnswerTakesNoPlace() {
        Session host = api.newHost("Tiny Host");
        String gatheringId = Gatherings.publish(api, host, gathering("Tiny", List.of(tier("Seat", 1000, 1))));
        String tierId = Gatherings.firstTierId(api, gatheringId);
        book(api.newUser("First"), gatheringId, tierId, 1, anotherAddress()).expectStatus(201);
        Session late = api.newUser("Late Guest");
        String address = anotherAddress();

        for (int i = 0; i < 4; i++) {
            assertThat(book(late, gatheringId, tierId, 1, address).code()).isEqualTo("SOLD_OUT");
        }
        String other = Gatherings.publish(api, host, gathering("Roomy", List.of(tier("Seat", 1000, 10))));
        assertThat(book(late, other, Gatherings.firstTierId(api, other), 1, address).status()).isEqualTo(201);
    }

    private Response register(String address) {
        String email = "mass." + UUID.randomUUID() + "@soiree.test";
        return api.post("/api/auth/register", null, Map.of("email", email, "password", "a long password", "displayName", "Mass"),
                Map.of("X-Forwarded-For", address));
    }

    private Response book(Session guest, String gatheringId, String tierId, int quantity, String address) {
        return api.post("/api/bookings", guest.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", quantity),
                Map.of("Idempotency-Key", UUID.randomUUID().toString(), "X-Forwarded-For", address));
    }

    /** A documentation address (TEST-NET-3) no other test uses. */
    private static String anotherAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "203.0." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
