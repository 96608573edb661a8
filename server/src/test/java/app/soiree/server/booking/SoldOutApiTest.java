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

    private static Response book(Api api, Session guest, String gatheringId, String tierId, @Nullable String bookingId) {
        Map<String, Object> body = new HashMap<>(Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1));
        if (bookingId != null) {
            body.put("bookingId", bookingId);
        }
        return api.postOnce("/api/bookings", guest.accessToken(), body);
    }
}
