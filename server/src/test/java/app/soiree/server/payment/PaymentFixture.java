package app.soiree.server.payment;

import static org.awaitility.Awaitility.await;

import app.soiree.api.payment.PaymentCaptured;
import app.soiree.api.payment.PaymentId;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Booked;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.ProviderTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/** What the paid-booking tests of either provider stand on: a host, a guest, a gathering of seats at {@link #PRICE}. */
abstract class PaymentFixture extends ProviderTest {

    static final long PRICE = 2500;

    Session host;
    Session guest;
    String gatheringId;
    String tierId;

    @BeforeEach
    void setUp() {
        connect();
        host = api.newHost("Paying Host");
        guest = api.newUser("Paying Guest");
        openGathering(3);
    }

    @AfterEach
    void resetProvider() {
        provider.afterEach();
    }

    void openGathering(int seats) {
        gatheringId = Gatherings.publish(api, host, Gatherings.gathering("Dinner", List.of(Gatherings.tier("Seat", PRICE, seats))));
        tierId = Gatherings.firstTierId(api, gatheringId);
    }

    Booked book(Session who, int quantity) {
        return booked(bookRaw(who, UUID.randomUUID().toString(), quantity).expectStatus(201).json(), quantity);
    }

    Booked booked(JsonNode response, int quantity) {
        return new Booked(response.get("bookingId").asString(), response.get("payment").get("paymentId").asString(), gatheringId,
                quantity * PRICE);
    }

    Response bookRaw(Session who, String bookingId, int quantity) {
        return api.postOnce("/api/bookings", who.accessToken(),
                Map.of("bookingId", bookingId, "gatheringId", gatheringId, "tierId", tierId, "quantity", quantity));
    }

    /** The booking as the API shows it, read as its host: the host sees every booking of the gathering. */
    JsonNode bookingOf(String bookingId) {
        return api.get("/api/bookings/" + bookingId, host.accessToken()).expectStatus(200).json();
    }

    JsonNode paymentOf(String bookingId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> bookingOf(bookingId).get("payment"), p -> p != null && !p.isNull());
    }

    JsonNode awaitBooking(String bookingId, String status) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/bookings/" + bookingId, host.accessToken()),
                r -> r.status() == 200 && status.equals(r.json().get("status").asString())).json();
    }

    /** The gathering's availability is a projection, so it is read until it catches up. */
    void awaitAvailableSeats(int expected) {
        await().atMost(Duration.ofSeconds(10)).until(this::availableSeats, seats -> seats == expected);
    }

    int availableSeats() {
        return api.get("/api/gatherings/" + gatheringId, null).expectStatus(200).json().get("tiers").get(0).get("available").asInt();
    }

    List<PaymentCaptured> capturedEvents(String paymentId) {
        return events.readEvents(PaymentId.of(paymentId).toString()).asStream().map(message -> message.getPayload())
                .filter(PaymentCaptured.class::isInstance).map(PaymentCaptured.class::cast).toList();
    }

    PaymentCaptured awaitCaptured(String paymentId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> capturedEvents(paymentId), list -> !list.isEmpty()).getFirst();
    }
}
