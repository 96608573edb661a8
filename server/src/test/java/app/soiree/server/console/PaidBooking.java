package app.soiree.server.console;

import static org.awaitility.Awaitility.await;

import app.soiree.server.support.Api;
import app.soiree.server.support.Gatherings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A seat bought and paid through the API, as a guest's app does it, with the simulated provider
 * reporting success: what the console's staff then find, audit and see in the ledger.
 */
record PaidBooking(Api.Session host, Api.Session guest, String gatheringId, String bookingId, String paymentId, String providerReference) {

    /** {@code staff}: a signed-in staff session, which may read the payment's audit trail. */
    static PaidBooking make(Api api, String title, Api.Session staff) {
        Api.Session host = api.newHost(title + " Host");
        Api.Session guest = api.newUser(title + " Guest");
        String gatheringId = Gatherings.publish(api, host, Gatherings.gathering(title, List.of(Gatherings.tier("Seat", 2500, 5))));
        String tierId = Gatherings.firstTierId(api, gatheringId);
        JsonNode booked = api.postOnce("/api/bookings", guest.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1))
                .expectStatus(201).json();
        String bookingId = booked.get("bookingId").asString();
        String paymentId = booked.get("payment").get("paymentId").asString();
        api.post("/api/dev/payments/" + paymentId + "/outcome", guest.accessToken(), Map.of("outcome", "succeeded")).expectStatus(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/bookings/" + bookingId, guest.accessToken()),
                response -> response.status() == 200 && "CAPTURED".equals(response.json().path("payment").path("status").asString()));
        String providerReference = providerReference(api, staff, paymentId);
        return new PaidBooking(host, guest, gatheringId, bookingId, paymentId, providerReference);
    }

    /** The provider's name for the payment, as its dashboard would show it; read from the payment's events. */
    private static String providerReference(Api api, Api.Session staff, String paymentId) {
        JsonNode trail = api.get("/api/staff/audit/Payment/" + paymentId, staff.accessToken()).expectStatus(200).json();
        for (JsonNode event : trail.get("events")) {
            if (event.get("payload").has("providerReference")) {
                return event.get("payload").get("providerReference").asString();
            }
        }
        throw new AssertionError("The payment's events name no provider reference: " + trail);
    }
}
