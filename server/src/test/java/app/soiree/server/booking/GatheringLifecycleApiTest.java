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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A gathering's whole life, through the HTTP API alone. */
@IntegrationTest
class GatheringLifecycleApiTest {

    @LocalServerPort
    int port;
    Api api;
    Session host;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        host = api.newHost("Lifecycle Host");
    }

    @Test
    void onlyHostsCreateGatheringsAndDraftsStayPrivate() {
        Session guest = api.newUser("Not A Host");
        Map<String, Object> body = gathering("Secret supper", List.of(tier("Seat", 2000, 10)));

        assertThat(api.post("/api/gatherings", guest.accessToken(), body).status()).isEqualTo(403);
        String gatheringId = api.post("/api/gatherings", host.accessToken(), body).expectStatus(201).json().get("gatheringId").asString();

        assertThat(api.get("/api/gatherings/" + gatheringId, null).status()).isEqualTo(404);
        assertThat(api.get("/api/gatherings/" + gatheringId, guest.accessToken()).status()).isEqualTo(404);
        // The host's draft shows once the projection has it; nobody else ever sees it.
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/gatherings/" + gatheringId, host.accessToken()).status() == 200);
        assertThat(api.get("/api/gatherings/" + gatheringId, guest.accessToken()).status()).isEqualTo(404);
        assertThat(api.post("/api/gatherings/" + gatheringId + "/publish", guest.accessToken(), null).status()).isEqualTo(404);
    }

    @Test
    void invalidGatheringsAreRefusedFieldByField() {
        Map<String, Object> body = new java.util.HashMap<>(gathering("", List.of()));
        body.put("timezone", "");

        Response response = api.post("/api/gatherings", host.accessToken(), body);

        response.expectStatus(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().get("errors").toString()).contains("title", "tiers", "timezone");
    }

    @Test
    void aHostEditsADraftFreelyButAPublishedGatheringOnlyHarmlessly() {
        String gatheringId = api.post("/api/gatherings", host.accessToken(), gathering("Editable", List.of(tier("Seat", 2000, 2))))
                .expectStatus(201).json().get("gatheringId").asString();
        api.patch("/api/gatherings/" + gatheringId, host.accessToken(), Map.of("title", "Edited title")).expectStatus(200);
        api.post("/api/gatherings/" + gatheringId + "/publish", host.accessToken(), null).expectStatus(200);
        String tierId = tierIds(gatheringId).getFirst();
        Session guest = api.newUser("Booker");
        book(guest, gatheringId, tierId, 2).expectStatus(201);

        Response shrink = api.patch("/api/gatherings/" + gatheringId, host.accessToken(),
                Map.of("tiers", List.of(Map.of("tierId", tierId, "name", "Seat", "price", Gatherings.money(2000), "capacity", 1))));
        Response reprice = api.patch("/api/gatherings/" + gatheringId, host.accessToken(),
                Map.of("tiers", List.of(Map.of("tierId", tierId, "name", "Seat", "price", Gatherings.money(2500), "capacity", 2))));
        Response move = api.patch("/api/gatherings/" + gatheringId, host.accessToken(),
                Map.of("startsAt", Instant.now().plus(Duration.ofDays(9)).toString()));

        assertThat(shrink.code()).isEqualTo("CAPACITY_BELOW_BOOKED");
        assertThat(reprice.code()).isEqualTo("TIER_PRICE_LOCKED");
        assertThat(move.code()).isEqualTo("EDIT_NOT_ALLOWED");
        api.patch("/api/gatherings/" + gatheringId, host.accessToken(),
                Map.of("tiers", List.of(Map.of("tierId", tierId, "name", "Seat", "price", Gatherings.money(2000), "capacity", 5)))).expectStatus(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode view = api.get("/api/gatherings/" + gatheringId, null).json();
            assertThat(view.get("title").asString()).isEqualTo("Edited title");
            assertThat(view.get("tiers").get(0).get("available").asInt()).isEqualTo(3);
        });
    }

    @Test
    void freeSeatsAreConfirmedAndPaidSeatsHeldWithTheirDeadline() {
        String gatheringId = Gatherings.publish(api, host, gathering("Mixed", List.of(tier("Free", 0, 5), tier("Paid", 2500, 5))));
        List<String> tiers = tierIds(gatheringId);

        Response free = book(api.newUser("Free Guest"), gatheringId, tiers.get(0), 2).expectStatus(201);
        Response paid = book(api.newUser("Paying Guest"), gatheringId, tiers.get(1), 2).expectStatus(201);

        assertThat(free.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(free.json().get("holdExpiresAt").isNull()).isTrue();
        assertThat(paid.json().get("status").asString()).isEqualTo("HELD");
        Instant holdExpiresAt = Instant.parse(paid.json().get("holdExpiresAt").asString());
        assertThat(holdExpiresAt).isBetween(Instant.now().plus(Duration.ofMinutes(9)), Instant.now().plus(Duration.ofMinutes(11)));
        assertThat(paid.json().get("amount").toString()).isEqualTo("{\"amount\":5000,\"currency\":\"EUR\"}");
    }

    @Test
    void bookingRefusalsCarryTheirCodes() {
        String draftId = api.post("/api/gatherings", host.accessToken(), gathering("Draft", List.of(tier("Seat", 1000, 1))))
                .expectStatus(201).json().get("gatheringId").asString();
        String gatheringId = Gatherings.publish(api, host, gathering("Popular", List.of(tier("Seat", 1000, 3))));
        String tierId = tierIds(gatheringId).getFirst();
        Session guest = api.newUser("Eager");

        assertThat(book(guest, draftId, UUID.randomUUID().toString(), 1).code()).isEqualTo("GATHERING_NOT_BOOKABLE");
        assertThat(book(guest, gatheringId, UUID.randomUUID().toString(), 1).code()).isEqualTo("UNKNOWN_TIER");
        assertThat(book(guest, gatheringId, tierId, 0).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(book(guest, gatheringId, tierId, 11).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(book(guest, UUID.randomUUID().toString(), tierId, 1).status()).isEqualTo(404);
        book(guest, gatheringId, tierId, 1).expectStatus(201);
        assertThat(book(guest, gatheringId, tierId, 1).code()).isEqualTo("ALREADY_BOOKED");
        assertThat(book(api.newUser("Greedy"), gatheringId, tierId, 3).code()).isEqualTo("SOLD_OUT");
        assertThat(api.post("/api/bookings", guest.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1))
                .code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
    }

    @Test
    void aRetriedBookingIsAnsweredAgainAndAReusedKeyIsRefused() {
        String gatheringId = Gatherings.publish(api, host, gathering("Retry", List.of(tier("Seat", 1000, 5))));
        String tierId = tierIds(gatheringId).getFirst();
        Session guest = api.newUser("Retrier");
        Map<String, String> key = Map.of("Idempotency-Key", "retry-" + UUID.randomUUID());
        Map<String, Object> body = Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1);

        Response first = api.post("/api/bookings", guest.accessToken(), body, key).expectStatus(201);
        Response retry = api.post("/api/bookings", guest.accessToken(), body, key).expectStatus(201);
        Response otherBody = api.post("/api/bookings", guest.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 2), key);

        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(otherBody.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/gatherings/" + gatheringId, null).json().get("tiers").get(0).get("available").asInt()).isEqualTo(4));
    }

    @Test
    void aCancelledSeatGoesToTheFirstInLineOnTheWaitlist() {
        String gatheringId = Gatherings.publish(api, host, gathering("Tiny", List.of(tier("Seat", 1000, 1))));
        String tierId = tierIds(gatheringId).getFirst();
        Session first = api.newUser("First");
        Session waiting = api.newUser("Waiting");
        Session alsoWaiting = api.newUser("Also Waiting");

        assertThat(api.post("/api/gatherings/" + gatheringId + "/waitlist", waiting.accessToken(), Map.of("tierId", tierId)).code())
                .isEqualTo("NOT_SOLD_OUT");
        String bookingId = book(first, gatheringId, tierId, 1).expectStatus(201).json().get("bookingId").asString();
        assertThat(api.post("/api/gatherings/" + gatheringId + "/waitlist", waiting.accessToken(), Map.of("tierId", tierId))
                .expectStatus(201).json().get("position").asInt()).isEqualTo(1);
        assertThat(api.post("/api/gatherings/" + gatheringId + "/waitlist", alsoWaiting.accessToken(), Map.of("tierId", tierId))
                .expectStatus(201).json().get("position").asInt()).isEqualTo(2);

        Response cancelled = api.postOnce("/api/bookings/" + bookingId + "/cancel", first.accessToken(), null).expectStatus(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("refund").isNull()).isTrue();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode offers = api.get("/api/me/bookings", waiting.accessToken()).expectStatus(200).json().get("items");
            assertThat(offers).hasSize(1);
            assertThat(offers.get(0).get("status").asString()).isEqualTo("HELD");
            assertThat(api.get("/api/me/bookings", alsoWaiting.accessToken()).json().get("items")).isEmpty();
            assertThat(api.get("/api/bookings/" + bookingId, first.accessToken()).json().get("status").asString()).isEqualTo("CANCELLED");
        });
    }

    @Test
    void aGuestSeesOnlyTheirOwnBookingsAndTheHostSeesAttendees() {
        String gatheringId = Gatherings.publish(api, host, gathering("Private list", List.of(tier("Seat", 0, 5))));
        String tierId = tierIds(gatheringId).getFirst();
        Session ada = api.newUser("Ada");
        Session stranger = api.newUser("Stranger");
        String bookingId = book(ada, gatheringId, tierId, 1).expectStatus(201).json().get("bookingId").asString();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/bookings/" + bookingId, ada.accessToken()).status()).isEqualTo(200));
        assertThat(api.get("/api/bookings/" + bookingId, host.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/bookings/" + bookingId, stranger.accessToken()).status()).isEqualTo(404);
        assertThat(api.postOnce("/api/bookings/" + bookingId + "/cancel", stranger.accessToken(), null).status()).isEqualTo(404);
        assertThat(api.get("/api/gatherings/" + gatheringId + "/attendees", stranger.accessToken()).status()).isEqualTo(404);
        JsonNode attendees = api.get("/api/gatherings/" + gatheringId + "/attendees", host.accessToken()).expectStatus(200).json().get("items");
        assertThat(attendees).hasSize(1);
        assertThat(attendees.get(0).get("displayName").asString()).isEqualTo("Ada");
        assertThat(attendees.get(0).get("checkedIn").asBoolean()).isFalse();
    }

    @Test
    void aGuestIsCheckedInOnceAndReviewsAfterTheGatheringEnds() {
        Instant startsAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        String gatheringId = Gatherings.publish(api, host, gathering("Short and sweet", startsAt, startsAt.plusSeconds(2),
                List.of(tier("Seat", 0, 5))));
        String tierId = tierIds(gatheringId).getFirst();
        Session ada = api.newUser("Reviewer");
        String bookingId = book(ada, gatheringId, tierId, 1).expectStatus(201).json().get("bookingId").asString();
        Map<String, Object> review = Map.of("rating", 5, "text", "Wonderful");

        assertThat(api.post("/api/gatherings/" + gatheringId + "/reviews", ada.accessToken(), review).code()).isEqualTo("REVIEW_NOT_OPEN");
        api.post("/api/gatherings/" + gatheringId + "/check-ins", host.accessToken(), Map.of("bookingId", bookingId)).expectStatus(200);
        assertThat(api.post("/api/gatherings/" + gatheringId + "/check-ins", host.accessToken(), Map.of("bookingId", bookingId)).code())
                .isEqualTo("ALREADY_CHECKED_IN");

        // The end comes from a durable deadline at endsAt, not from anyone's request.
        await().atMost(Duration.ofSeconds(30)).until(() -> "ENDED".equals(api.get("/api/gatherings/" + gatheringId, null).json().get("status").asString()));
        api.post("/api/gatherings/" + gatheringId + "/reviews", ada.accessToken(), review).expectStatus(201);
        assertThat(api.post("/api/gatherings/" + gatheringId + "/reviews", ada.accessToken(), review).code()).isEqualTo("ALREADY_REVIEWED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(api.get("/api/gatherings/" + gatheringId + "/reviews", null).json().get("items")).hasSize(1);
            assertThat(api.get("/api/gatherings/" + gatheringId, null).json().get("rating").asDouble()).isEqualTo(5.0);
        });
    }

    @Test
    void cancellingAGatheringReleasesEveryBooking() {
        String gatheringId = Gatherings.publish(api, host, gathering("Rained off", List.of(tier("Seat", 0, 5))));
        String tierId = tierIds(gatheringId).getFirst();
        Session ada = api.newUser("Disappointed");
        String bookingId = book(ada, gatheringId, tierId, 2).expectStatus(201).json().get("bookingId").asString();

        api.post("/api/gatherings/" + gatheringId + "/cancel", host.accessToken(), Map.of("reason", "Storm warning")).expectStatus(200);

        assertThat(book(api.newUser("Late"), gatheringId, tierId, 1).code()).isEqualTo("GATHERING_NOT_BOOKABLE");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(api.get("/api/gatherings/" + gatheringId, null).json().get("status").asString()).isEqualTo("CANCELLED");
            assertThat(api.get("/api/bookings/" + bookingId, ada.accessToken()).json().get("status").asString()).isEqualTo("CANCELLED");
        });
    }

    @Test
    void discoveryFindsPublishedGatheringsByTextTagDateAndHost() {
        String marker = "zebra" + UUID.randomUUID().toString().substring(0, 8);
        String published = Gatherings.publish(api, host, gathering("Tasting " + marker, List.of(tier("Seat", 0, 5))));
        api.post("/api/gatherings", host.accessToken(), gathering("Draft " + marker, List.of(tier("Seat", 0, 5)))).expectStatus(201);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode found = api.get("/api/gatherings?q=" + marker, null).expectStatus(200).json();
            assertThat(found.get("items")).hasSize(1);
            assertThat(found.get("items").get(0).get("gatheringId").asString()).isEqualTo(published);
            assertThat(found.get("items").get(0).get("coverMediaId").isNull()).as("no cover yet, and the field is there").isTrue();
        });
        assertThat(api.get("/api/gatherings/" + published, null).json().get("coverMediaId").isNull()).isTrue();
        assertThat(api.get("/api/gatherings?q=" + marker + "&tag=food", null).json().get("items")).hasSize(1);
        assertThat(api.get("/api/gatherings?q=" + marker + "&tag=jazz", null).json().get("items")).isEmpty();
        assertThat(api.get("/api/gatherings?q=" + marker + "&hostId=" + host.userId(), null).json().get("items")).hasSize(1);
        assertThat(api.get("/api/gatherings?q=" + marker + "&from=" + Instant.now().plus(Duration.ofDays(30)), null).json().get("items")).isEmpty();
        assertThat(api.get("/api/gatherings?limit=500", null).status()).isEqualTo(400);
    }

    @Test
    void theDiscoveryPageIsWrittenAsJsonWithItsLengthAndDescribedAsAPage() {
        Response page = api.get("/api/gatherings?limit=3", null).expectStatus(200);

        assertThat(page.headers().get("content-type")).containsExactly("application/json");
        assertThat(page.headers().get("content-length")).containsExactly(String.valueOf(page.body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(page.json().has("items")).isTrue();
        assertThat(page.json().has("nextCursor")).as("written even when null").isTrue();
        JsonNode documented = api.get("/v3/api-docs", null).expectStatus(200).json()
                .get("paths").get("/api/gatherings").get("get").get("responses").get("200").get("content");
        assertThat(documented.toString()).contains("PageResponseGatheringSummary").doesNotContain("RenderedJson");
    }

    private Response book(Session guest, String gatheringId, String tierId, int quantity) {
        return api.postOnce("/api/bookings", guest.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", quantity));
    }

    private List<String> tierIds(String gatheringId) {
        JsonNode gathering = await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/gatherings/" + gatheringId, host.accessToken()), r -> r.status() == 200).json();
        List<String> ids = new java.util.ArrayList<>();
        gathering.get("tiers").forEach(tier -> ids.add(tier.get("tierId").asString()));
        return ids;
    }
}
