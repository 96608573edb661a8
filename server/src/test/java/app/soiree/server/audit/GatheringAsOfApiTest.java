package app.soiree.server.audit;

import static app.soiree.server.support.Gatherings.gathering;
import static app.soiree.server.support.Gatherings.tier;
import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.Staff;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Time travel through the HTTP API: a gathering lives through a waitlist promotion and a cancellation, and support
 * and finance see it as it stood before and after each, rebuilt from its events.
 */
@IntegrationTest
class GatheringAsOfApiTest {

    @LocalServerPort
    int port;
    Api api;
    Staff staff;
    Session host;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        staff = Staff.of(api, port);
        host = api.newHost("Time Travel Host");
    }

    @Test
    void showsTheGatheringBeforeAndAfterAWaitlistPromotionAndItsCancellation() {
        Instant beforeCreation = instantBetweenSteps();
        String gatheringId = Gatherings.publish(api, host, gathering("Rooftop supper",
                List.of(tier("Free", 0, 2), tier("Seat", 1000, 1))));
        String freeTier = tierId(asOf(gatheringId, Instant.now()), "Free");
        String seatTier = tierId(asOf(gatheringId, Instant.now()), "Seat");
        Session ada = api.newUser("Ada");
        Session ben = api.newUser("Ben");
        Session cleo = api.newUser("Cleo");
        String adaBooking = book(ada, gatheringId, seatTier).expectStatus(201).json().get("bookingId").asString();
        book(ben, gatheringId, freeTier).expectStatus(201);
        api.post("/api/gatherings/" + gatheringId + "/waitlist", cleo.accessToken(), Map.of("tierId", seatTier)).expectStatus(201);

        Instant beforePromotion = instantBetweenSteps();
        api.postOnce("/api/bookings/" + adaBooking + "/cancel", ada.accessToken(), null).expectStatus(200);
        Instant afterPromotion = instantBetweenSteps();
        api.post("/api/gatherings/" + gatheringId + "/cancel", host.accessToken(), Map.of("reason", "Rain")).expectStatus(200);
        Instant afterCancellation = instantBetweenSteps();

        JsonNode waiting = asOf(gatheringId, beforePromotion);
        assertThat(waiting.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(seats(waiting, "Seat")).containsExactly(1, 1, 0, 0);
        assertThat(seats(waiting, "Free")).containsExactly(2, 0, 1, 1);
        assertThat(waiting.get("waitlist")).hasSize(1);
        assertThat(waiting.get("waitlist").get(0).get("userId").asString()).isEqualTo(cleo.userId());
        assertThat(waiting.get("waitlist").get(0).get("tierId").asString()).isEqualTo(seatTier);

        JsonNode promoted = asOf(gatheringId, afterPromotion);
        assertThat(promoted.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(seats(promoted, "Seat")).as("Ada's seat is given back and held for Cleo").containsExactly(1, 1, 0, 0);
        assertThat(promoted.get("waitlist")).isEmpty();
        assertThat(promoted.get("eventsApplied").asInt()).isGreaterThan(waiting.get("eventsApplied").asInt());

        JsonNode cancelled = asOf(gatheringId, afterCancellation);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(seats(cancelled, "Seat")).containsExactly(1, 0, 0, 1);
        assertThat(seats(cancelled, "Free")).containsExactly(2, 0, 0, 2);

        // Finance sees the same past; before its creation the gathering did not exist.
        assertThat(get(gatheringId, afterPromotion, staff.finance()).expectStatus(200).json()).isEqualTo(promoted);
        Response tooEarly = get(gatheringId, beforeCreation, staff.support());
        assertThat(tooEarly.status()).isEqualTo(404);
        assertThat(tooEarly.body()).contains("did not exist yet");
    }

    @Test
    void anInstantMissingMalformedOrInTheFutureIsRefusedOnItsField() {
        String gatheringId = Gatherings.publish(api, host, gathering("Refusals", List.of(tier("Seat", 0, 3))));
        String path = "/api/staff/gatherings/" + gatheringId + "/as-of";

        for (Response refused : List.of(api.get(path, staff.support().accessToken()),
                api.get(path + "?at=yesterday", staff.support().accessToken()),
                get(gatheringId, Instant.now().plus(Duration.ofHours(1)), staff.support()))) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("at");
        }
        Response unknown = get(UUID.randomUUID().toString(), Instant.now(), staff.support());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("was not found");
    }

    @Test
    void onlySupportAndFinanceTravelInTime() {
        String gatheringId = Gatherings.publish(api, host, gathering("Private past", List.of(tier("Seat", 0, 3))));
        String path = "/api/staff/gatherings/" + gatheringId + "/as-of?at=" + encode(Instant.now());

        assertThat(api.get(path, null).status()).isEqualTo(401);
        assertThat(api.get(path, host.accessToken()).status()).as("not even the host").isEqualTo(403);
        assertThat(api.get(path, api.newUser("Curious").accessToken()).status()).isEqualTo(403);
        assertThat(api.get(path, staff.support().accessToken()).status()).isEqualTo(200);
        assertThat(api.get(path, staff.finance().accessToken()).status()).isEqualTo(200);
    }

    private JsonNode asOf(String gatheringId, Instant at) {
        return get(gatheringId, at, staff.support()).expectStatus(200).json();
    }

    private Response get(String gatheringId, Instant at, Session who) {
        return api.get("/api/staff/gatherings/" + gatheringId + "/as-of?at=" + encode(at), who.accessToken());
    }

    private Response book(Session guest, String gatheringId, String tierId) {
        return api.postOnce("/api/bookings", guest.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1));
    }

    /** capacity, held, confirmed, available of the tier so named. */
    private static List<Integer> seats(JsonNode view, String tierName) {
        JsonNode tier = tierNamed(view, tierName);
        return List.of(tier.get("capacity").asInt(), tier.get("held").asInt(), tier.get("confirmed").asInt(), tier.get("available").asInt());
    }

    private static String tierId(JsonNode view, String tierName) {
        return tierNamed(view, tierName).get("tierId").asString();
    }

    private static JsonNode tierNamed(JsonNode view, String tierName) {
        for (JsonNode tier : view.get("tiers")) {
            if (tier.get("name").asString().equals(tierName)) {
                return tier;
            }
        }
        throw new AssertionError("no tier " + tierName + " in " + view);
    }

    /**
     * An instant strictly between the events before it and those after it: the event store keeps times to the
     * millisecond, so a few milliseconds on either side keep an event from sharing the instant's millisecond.
     */
    private static Instant instantBetweenSteps() {
        pause();
        Instant between = Instant.now();
        pause();
        return between;
    }

    private static void pause() {
        try {
            Thread.sleep(15);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Instant at) {
        return URLEncoder.encode(at.toString(), StandardCharsets.UTF_8);
    }
}
