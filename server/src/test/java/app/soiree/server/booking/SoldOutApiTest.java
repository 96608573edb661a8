package app.soiree.server.booking;

import static app.soiree.server.support.Gatherings.gathering;
import static app.soiree.server.support.Gatherings.tier;
import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A tier the gathering found sold out answers the next new bookings at once (SoldOutTiers), and must never keep a
 * guest from a seat that came back. The test profile remembers a sold-out tier for a minute, so only the seat given
 * back, not the clock, can end the refusals here.
 */
@IntegrationTest
class SoldOutApiTest {

    @LocalServerPort
    int port;

    @Test
    void aSeatGivenBackIsBookableAtOnceAndARetryNamingItsBookingStillFindsIt() {
        Api api = new Api(port);
        Session host = api.newHost("Sold Out Host");
        String gatheringId = Gatherings.publish(api, host, gathering("One seat", List.of(tier("Seat", 1500, 1))));
        String tierId = Gatherings.firstTierId(api, gatheringId);
        Session first = api.newUser("First Guest");
        Session second = api.newUser("Second Guest");
        Session third = api.newUser("Third Guest");

        String held = book(api, first, gatheringId, tierId, null).expectStatus(201).json().get("bookingId").asString();
        Response refusedByTheGathering = book(api, second, gatheringId, tierId, null);
        Response refusedAtOnce = book(api, third, gatheringId, tierId, null);
        assertThat(refusedByTheGathering.code()).isEqualTo("SOLD_OUT");
        assertThat(refusedAtOnce.code()).isEqualTo("SOLD_OUT");
        assertThat(refusedAtOnce.json().get("detail").asString()).isEqualTo(refusedByTheGathering.json().get("detail").asString());

        // The holder retries, naming the booking: the answer is the booking, not the tier's refusal.
        assertThat(book(api, first, gatheringId, tierId, held).expectStatus(201).json().get("bookingId").asString()).isEqualTo(held);

        // The holder gives the seat back: the next guest gets it at once.
        api.postOnce("/api/bookings/" + held + "/cancel", first.accessToken(), null).expectStatus(200);
        assertThat(book(api, second, gatheringId, tierId, null).expectStatus(201).json().get("status").asString()).isEqualTo("HELD");
        assertThat(book(api, third, gatheringId, tierId, null).code()).isEqualTo("SOLD_OUT");
    }

    /**
     * A refusal given at the edge, before the key is claimed, is the gathering's own answer and is remembered as the key's
     * answer; a key the server already knows is never refused there, so a guest retrying the request that got the last
     * seat gets their booking back, not the tier's refusal.
     */
    @Test
    void aRefusalAtTheEdgeIsTheGatheringsAnswerAndARetriedKeyKeepsItsOwnAnswer() {
        Api api = new Api(port);
        Session host = api.newHost("Edge Host");
        String gatheringId = Gatherings.publish(api, host, gathering("Last seat", List.of(tier("Seat", 2000, 1))));
        String tierId = Gatherings.firstTierId(api, gatheringId);
        Session first = api.newUser("Lucky Guest");
        Session second = api.newUser("Late Guest");
        Session third = api.newUser("Later Guest");
        Map<String, Object> oneSeat = Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1);

        Response held = api.post("/api/bookings", first.accessToken(), oneSeat, Map.of("Idempotency-Key", "lucky")).expectStatus(201);
        Response refusedByTheGathering = book(api, second, gatheringId, tierId, null).expectStatus(422);
        Response refusedAtTheEdge = api.post("/api/bookings", third.accessToken(), oneSeat, Map.of("Idempotency-Key", "later")).expectStatus(422);

        assertThat(refusedAtTheEdge.json()).isEqualTo(refusedByTheGathering.json());
        assertThat(refusedAtTheEdge.header("Content-Type")).isEqualTo(refusedByTheGathering.header("Content-Type"));

        Response retried = api.post("/api/bookings", third.accessToken(), oneSeat, Map.of("Idempotency-Key", "later")).expectStatus(422);
        assertThat(retried.json()).isEqualTo(refusedAtTheEdge.json());
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        Map<String, Object> twoSeats = Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 2);
        assertThat(api.post("/api/bookings", third.accessToken(), twoSeats, Map.of("Idempotency-Key", "later")).expectStatus(409).code())
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");

        Response heldAgain = api.post("/api/bookings", first.accessToken(), oneSeat, Map.of("Idempotency-Key", "lucky")).expectStatus(201);
        assertThat(heldAgain.json()).isEqualTo(held.json());
        assertThat(heldAgain.header("Idempotent-Replayed")).isEqualTo("true");
    }

    private static Response book(Api api, Session guest, String gatheringId, String tierId, @Nullable String bookingId) {
        Map<String, Object> body = new HashMap<>(Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1));
        if (bookingId != null) {
            body.put("bookingId", bookingId);
        }
        return api.postOnce("/api/bookings", guest.accessToken(), body);
    }
}
