package app.soiree.server.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.ledger.Posting;
import app.soiree.api.ledger.Postings;
import app.soiree.api.payment.PaymentCaptured;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Paid bookings with the embedded default provider: the simulator, driven through its development endpoint. */
@IntegrationTest
class SimulatedPaymentApiTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore events;

    private Api api;
    private Session host;
    private Session guest;
    private String gatheringId;
    private String tierId;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        host = api.newHost("Paying Host");
        guest = api.newUser("Paying Guest");
        gatheringId = Gatherings.publish(api, host, Gatherings.gathering("Dinner", List.of(Gatherings.tier("Seat", 2500, 3))));
        tierId = Gatherings.firstTierId(api, gatheringId);
    }

    @Test
    void aGuestBooksAPaidSeatAndTheSimulatorConfirmsIt() {
        JsonNode booking = book(guest, 2).expectStatus(201).json();
        assertThat(booking.get("status").asString()).isEqualTo("HELD");
        JsonNode payment = booking.get("payment");
        assertThat(payment.get("provider").asString()).isEqualTo("simulated");
        assertThat(payment.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(payment.get("clientSecret").asString()).startsWith("sim_pi_");
        assertThat(payment.get("amount").get("amount").asLong()).isEqualTo(5000);

        String paymentId = payment.get("paymentId").asString();
        api.post("/api/dev/payments/" + paymentId + "/outcome", guest.accessToken(), Map.of("outcome", "succeeded")).expectStatus(202);

        JsonNode confirmed = awaitBooking(booking.get("bookingId").asString(), "CONFIRMED");
        await().atMost(Duration.ofSeconds(10)).until(() -> bookingOf(booking.get("bookingId").asString())
                .get("payment").get("status").asString(), "CAPTURED"::equals);
        assertThat(confirmed.get("amount").get("amount").asLong()).isEqualTo(5000);
        awaitAvailableSeats(1);

        PaymentCaptured captured = capturedEventOf(paymentId);
        assertThat(captured.amount().amountMinor()).isEqualTo(5000);
        // 5 % of 5000 plus 30 (application.yml)
        assertThat(captured.platformFee().amountMinor()).isEqualTo(280);
        assertThat(captured.postings()).contains(new Posting("host:" + host.userId() + ":pending", app.soiree.api.Money.of(-4720, "EUR")));
        Postings.requireBalanced(captured.postings());
    }

    @Test
    void aFailedPaymentReleasesTheSeatsAndTheBookingExpires() {
        JsonNode booking = book(guest, 3).expectStatus(201).json();
        awaitAvailableSeats(0);
        String paymentId = booking.get("payment").get("paymentId").asString();

        api.post("/api/dev/payments/" + paymentId + "/outcome", guest.accessToken(), Map.of("outcome", "failed")).expectStatus(202);

        awaitBooking(booking.get("bookingId").asString(), "EXPIRED");
        // The payment's view is another projection than the booking's: it may follow a moment later.
        await().atMost(Duration.ofSeconds(20)).until(() -> bookingOf(booking.get("bookingId").asString()).get("payment").get("status")
                .asString(), "DECLINED"::equals);
        awaitAvailableSeats(3);
        // The guest may try again at once.
        book(guest, 1).expectStatus(201);
    }

    @Test
    void aSuccessAfterAFailureStillConfirmsTheSeatsWhileTheyAreFree() {
        JsonNode booking = book(guest, 1).expectStatus(201).json();
        String bookingId = booking.get("bookingId").asString();
        String paymentId = booking.get("payment").get("paymentId").asString();
        api.post("/api/dev/payments/" + paymentId + "/outcome", guest.accessToken(), Map.of("outcome", "failed")).expectStatus(202);
        awaitBooking(bookingId, "EXPIRED");

        api.post("/api/dev/payments/" + paymentId + "/outcome", guest.accessToken(), Map.of("outcome", "succeeded")).expectStatus(202);

        awaitBooking(bookingId, "CONFIRMED");
        awaitAvailableSeats(2);
    }

    @Test
    void aRetriedBookingFindsTheSamePayment() {
        String bookingId = UUID.randomUUID().toString();
        Map<String, Object> request = Map.of("bookingId", bookingId, "gatheringId", gatheringId, "tierId", tierId, "quantity", 1);
        JsonNode first = api.postOnce("/api/bookings", guest.accessToken(), request).expectStatus(201).json();
        JsonNode again = api.postOnce("/api/bookings", guest.accessToken(), request).expectStatus(201).json();

        assertThat(again.get("payment").get("paymentId").asString()).isEqualTo(first.get("payment").get("paymentId").asString());
        assertThat(again.get("payment").get("clientSecret").asString()).isEqualTo(first.get("payment").get("clientSecret").asString());
        awaitAvailableSeats(2);
    }

    @Test
    void onlyThePayingGuestAndStaffMaySetAnOutcome() {
        String paymentId = book(guest, 1).expectStatus(201).json().get("payment").get("paymentId").asString();
        Session stranger = api.newUser("Stranger");

        Response refused = api.post("/api/dev/payments/" + paymentId + "/outcome", stranger.accessToken(), Map.of("outcome", "succeeded"));
        assertThat(refused.status()).isEqualTo(404);
        Response unknown = api.post("/api/dev/payments/" + UUID.randomUUID() + "/outcome", guest.accessToken(), Map.of("outcome", "succeeded"));
        assertThat(unknown.status()).isEqualTo(404);
        Response anonymous = api.post("/api/dev/payments/" + paymentId + "/outcome", null, Map.of("outcome", "succeeded"));
        assertThat(anonymous.status()).isEqualTo(401);
        Response nonsense = api.post("/api/dev/payments/" + paymentId + "/outcome", guest.accessToken(), Map.of("outcome", "maybe"));
        assertThat(nonsense.status()).isEqualTo(400);

        Session admin = api.signIn("", "admin@soiree.test", "admin-password-1");
        api.post("/api/dev/payments/" + paymentId + "/outcome", admin.accessToken(), Map.of("outcome", "succeeded")).expectStatus(202);
    }

    @Test
    void aSucceededPaymentCannotFailAfterwards() {
        String paymentId = book(guest, 1).expectStatus(201).json().get("payment").get("paymentId").asString();
        api.post("/api/dev/payments/" + paymentId + "/outcome", guest.accessToken(), Map.of("outcome", "succeeded")).expectStatus(202);
        Response late = api.post("/api/dev/payments/" + paymentId + "/outcome", guest.accessToken(), Map.of("outcome", "failed"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("STATE_CONFLICT");
    }

    @Test
    void theOpenApiDocumentLabelsTheDevelopmentEndpoint() {
        String docs = api.get("/v3/api-docs", null).expectStatus(200).body();
        assertThat(docs).contains("/api/dev/payments/{paymentId}/outcome").contains("DEVELOPMENT ONLY");
    }

    private Response book(Session who, int quantity) {
        return api.postOnce("/api/bookings", who.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", quantity));
    }

    private JsonNode bookingOf(String bookingId) {
        return api.get("/api/bookings/" + bookingId, guest.accessToken()).expectStatus(200).json();
    }

    private JsonNode awaitBooking(String bookingId, String status) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/bookings/" + bookingId, guest.accessToken()),
                r -> r.status() == 200 && status.equals(r.json().get("status").asString())).json();
    }

    /** The gathering's availability is a projection, so it is read until it catches up. */
    private void awaitAvailableSeats(int expected) {
        await().atMost(Duration.ofSeconds(10)).until(this::availableSeats, seats -> seats == expected);
    }

    private int availableSeats() {
        return api.get("/api/gatherings/" + gatheringId, null).expectStatus(200).json().get("tiers").get(0).get("available").asInt();
    }

    private PaymentCaptured capturedEventOf(String paymentId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> events.readEvents(paymentId).asStream()
                .map(message -> message.getPayload()).filter(PaymentCaptured.class::isInstance).map(PaymentCaptured.class::cast)
                .findFirst().orElse(null), java.util.Objects::nonNull);
    }
}
