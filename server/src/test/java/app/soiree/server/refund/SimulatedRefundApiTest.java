package app.soiree.server.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.booking.BookingId;
import app.soiree.api.payment.PaymentRefunded;
import app.soiree.api.payment.RefundId;
import app.soiree.api.payment.RefundReversed;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.LedgerChecks;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Refunds end to end with the simulated provider, which confirms each refund through the provider
 * inbox as Stripe's webhooks would: a guest's cancellation inside and outside the refund policy, a host
 * cancelling a gathering of many bookings, support's partial refunds up to and beyond the capture, a
 * refund the provider refuses, one that fails after it succeeded, copies of the provider's reports, and a
 * refund after the earnings were released. Every test ends with a balanced ledger and a wallet that
 * agrees with the journal.
 */
@IntegrationTest
class SimulatedRefundApiTest {

    static final long PRICE = 2500;
    /** 2500 less 5 % and 30 (application.yml). */
    static final long NET = 2345;
    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    EventStore events;

    private Api api;
    private Session host;
    /** Staff are created once per class: the admin's sign-ins are rate limited per minute. */
    private static Session finance;
    private static Session support;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        host = api.newHost("Refunding Host");
        if (finance == null) {
            Session admin = api.signIn("", "admin@soiree.test", "admin-password-1");
            finance = api.newStaff(admin, "FINANCE");
            support = api.newStaff(admin, "SUPPORT");
        }
    }

    @AfterEach
    void theLedgerBalancesAndTheWalletAgreesWithTheJournal() {
        LedgerChecks.assertTrialBalanceBalances(api, finance);
        LedgerChecks.assertWalletAgreesWithJournal(api, finance, host);
    }

    @Test
    void aGuestCancellingWithinThePolicyGetsEverythingBack() {
        String gatheringId = open(Gatherings.gathering("Dinner", List.of(Gatherings.tier("Seat", PRICE, 3))));
        Session guest = api.newUser("Early Canceller");
        Booked booked = bookAndPay(guest, gatheringId);

        JsonNode cancelled = cancel(guest, booked.bookingId).expectStatus(200).json();

        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("refund").get("refundId").asString())
                .isEqualTo(RefundId.forBooking(BookingId.of(booked.bookingId)).toString());
        assertThat(cancelled.get("refund").get("amount").get("amount").asLong()).isEqualTo(PRICE);
        JsonNode booking = awaitBooking(guest, booked.bookingId, "REFUNDED");
        assertThat(booking.get("refundedAmount").get("amount").asLong()).isEqualTo(PRICE);
        JsonNode payment = await().atMost(WAIT).until(() -> bookingOf(guest, booked.bookingId).get("payment"),
                p -> p.get("refunded").get("amount").asLong() == PRICE);
        assertThat(payment.get("refunds")).hasSize(1);
        assertThat(payment.get("refunds").get(0).get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(payment.get("refunds").get(0).get("requestedBy").isNull()).isTrue();
        awaitWallet(Map.of());

        JsonNode refunds = api.get("/api/staff/bookings/" + booked.bookingId + "/refunds", support.accessToken()).expectStatus(200).json();
        assertThat(refunds.get("items")).hasSize(1);
        assertThat(refunds.get("items").get(0).get("requestedBy").asString()).isEqualTo(guest.userId());
        assertThat(refunds.get("items").get(0).get("reason").asString()).contains("refund policy");
        assertThat(refunded(booked.paymentId)).singleElement()
                .satisfies(refund -> assertThat(refund.hostShare().amountMinor()).isEqualTo(NET));
    }

    @Test
    void aGuestCancellingTooLateGetsNothingBack() {
        Instant startsAt = Instant.now().plus(Duration.ofHours(24)).truncatedTo(ChronoUnit.SECONDS);
        String gatheringId = open(Gatherings.gathering("Late", startsAt, startsAt.plus(Duration.ofHours(2)),
                List.of(Gatherings.tier("Seat", PRICE, 3))));
        Session guest = api.newUser("Late Canceller");
        Booked booked = bookAndPay(guest, gatheringId);

        JsonNode cancelled = cancel(guest, booked.bookingId).expectStatus(200).json();

        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("refund").isNull()).isTrue();
        JsonNode booking = awaitBooking(guest, booked.bookingId, "CANCELLED");
        assertThat(booking.get("refundedAmount").get("amount").asLong()).isZero();
        awaitWallet(Map.of("EUR:pending", NET));
    }

    @Test
    void anUnpaidHoldIsCancelledWithoutARefund() {
        String gatheringId = open(Gatherings.gathering("Hold", List.of(Gatherings.tier("Seat", PRICE, 3))));
        Session guest = api.newUser("Holder");
        String bookingId = book(guest, gatheringId).get("bookingId").asString();

        JsonNode cancelled = cancel(guest, bookingId).expectStatus(200).json();

        assertThat(cancelled.get("refund").isNull()).isTrue();
        awaitBooking(guest, bookingId, "CANCELLED");
    }

    @Test
    void aHostCancellingAGatheringOfManyBookingsRefundsEachInFullAndReportsProgress() {
        int paid = 22;
        String gatheringId = open(Gatherings.gathering("Big night", List.of(Gatherings.tier("Seat", PRICE, paid + 5))));
        List<Booked> bookings = new ArrayList<>();
        for (int i = 0; i < paid; i++) {
            bookings.add(bookAndPay(api.newUser("Guest " + i), gatheringId));
        }
        Session holder = api.newUser("Unpaid Holder");
        book(holder, gatheringId);
        awaitWallet(Map.of("EUR:pending", paid * NET));

        api.post("/api/gatherings/" + gatheringId + "/cancel", host.accessToken(), Map.of("reason", "Venue flooded")).expectStatus(200);

        JsonNode progress = await().atMost(Duration.ofSeconds(90)).until(() -> api.get("/api/gatherings/" + gatheringId + "/cancellation",
                host.accessToken()), r -> r.status() == 200 && "COMPLETED".equals(r.json().get("status").asString())).json();
        assertThat(progress.get("bookingsToRefund").asInt()).isEqualTo(paid);
        assertThat(progress.get("refundsRequested").asInt()).isEqualTo(paid);
        assertThat(progress.get("refundsSucceeded").asInt()).isEqualTo(paid);
        assertThat(progress.get("refundsFailed").asInt()).isZero();
        for (Booked booked : bookings) {
            awaitBooking(host, booked.bookingId, "REFUNDED");
            assertThat(refunded(booked.paymentId)).hasSize(1);
        }
        awaitWallet(Map.of());
        api.get("/api/gatherings/" + gatheringId + "/cancellation", support.accessToken()).expectStatus(200);
        assertThat(api.get("/api/gatherings/" + gatheringId + "/cancellation", holder.accessToken()).status()).isEqualTo(404);
    }

    @Test
    void supportRefundsPartsOfAPaymentUpToWhatWasCapturedAndNoMore() {
        String gatheringId = open(Gatherings.gathering("Partial", List.of(Gatherings.tier("Seat", PRICE, 3))));
        Session guest = api.newUser("Partly Refunded");
        Booked booked = bookAndPay(guest, gatheringId);

        JsonNode first = staffRefund(booked.bookingId, 1000, "Cold soup").expectStatus(201).json();
        assertThat(first.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(first.get("amount").get("amount").asLong()).isEqualTo(1000);
        staffRefund(booked.bookingId, 1000, "Late start").expectStatus(201);
        Response tooMuch = staffRefund(booked.bookingId, 501, "One more");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.code()).isEqualTo("REFUND_EXCEEDS_CAPTURED");
        staffRefund(booked.bookingId, 500, "The rest").expectStatus(201);
        assertThat(staffRefund(booked.bookingId, 1, "Nothing left").code()).isEqualTo("REFUND_EXCEEDS_CAPTURED");

        JsonNode booking = await().atMost(WAIT).until(() -> bookingOf(guest, booked.bookingId),
                b -> b.get("refundedAmount").get("amount").asLong() == PRICE);
        // The guest keeps the seat: staff gave the money back, the booking was not cancelled.
        assertThat(booking.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(refunded(booked.paymentId)).hasSize(3)
                .extracting(refund -> refund.hostShare().amountMinor()).containsExactlyInAnyOrder(938L, 938L, 469L);
        awaitWallet(Map.of());
        JsonNode listed = await().atMost(WAIT).until(() -> api.get("/api/staff/refunds?bookingId=" + booked.bookingId,
                support.accessToken()).expectStatus(200).json().get("items"), items -> items.size() == 3);
        assertThat(listed).allSatisfy(refund -> assertThat(refund.get("requestedBy").asString()).isEqualTo(support.userId()));
    }

    @Test
    void aManualRefundNeedsStaffAReasonAndAKnownBooking() {
        String gatheringId = open(Gatherings.gathering("Checks", List.of(Gatherings.tier("Seat", PRICE, 3))));
        Session guest = api.newUser("Curious Guest");
        Booked booked = bookAndPay(guest, gatheringId);

        Response noReason = api.post("/api/staff/refunds", support.accessToken(),
                Map.of("bookingId", booked.bookingId, "amount", Gatherings.money(100)));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        Response blank = staffRefund(booked.bookingId, 100, "  ");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(staffRefund(UUID.randomUUID().toString(), 100, "Who?").status()).isEqualTo(404);
        assertThat(api.post("/api/staff/refunds", guest.accessToken(), Map.of("bookingId", booked.bookingId, "amount",
                Gatherings.money(100), "reason", "I want it")).status()).isEqualTo(403);
        assertThat(api.post("/api/staff/refunds", finance.accessToken(), Map.of("bookingId", booked.bookingId, "amount",
                Gatherings.money(100), "reason", "Finance is not support")).status()).isEqualTo(403);
        Response unpaid = staffRefund(book(api.newUser("Unpaid"), gatheringId).get("bookingId").asString(), 100, "Not paid");
        assertThat(unpaid.code()).isEqualTo("PAYMENT_NOT_CAPTURED");
        awaitWallet(Map.of("EUR:pending", NET));
    }

    @Test
    void aRetriedManualRefundWithTheSameIdempotencyKeyRefundsOnce() {
        String gatheringId = open(Gatherings.gathering("Retry", List.of(Gatherings.tier("Seat", PRICE, 3))));
        Booked booked = bookAndPay(api.newUser("Retried"), gatheringId);
        Map<String, Object> body = Map.of("bookingId", booked.bookingId, "amount", Gatherings.money(700), "reason", "Goodwill");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        JsonNode first = api.post("/api/staff/refunds", support.accessToken(), body, key).expectStatus(201).json();
        Response again = api.post("/api/staff/refunds", support.accessToken(), body, key).expectStatus(201);

        assertThat(again.json().get("refundId").asString()).isEqualTo(first.get("refundId").asString());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        await().atMost(WAIT).until(() -> refunded(booked.paymentId).size() == 1);
        awaitWallet(Map.of("EUR:pending", NET - 657)); // round(700·2345/2500) = 656.6
        assertThat(refunded(booked.paymentId)).hasSize(1);
    }

    @Test
    void aRefundTheProviderRefusesGivesNothingBackAndMayBeMadeAgain() {
        String gatheringId = open(Gatherings.gathering("Refused", List.of(Gatherings.tier("Seat", PRICE, 3))));
        Session guest = api.newUser("Unlucky Guest");
        Booked booked = bookAndPay(guest, gatheringId);
        String refundId = RefundId.forBooking(BookingId.of(booked.bookingId)).toString();
        // Decided before the refund reaches the simulator, as a card that can no longer take refunds would.
        api.post("/api/dev/refunds/" + refundId + "/outcome", support.accessToken(), Map.of("outcome", "failed")).expectStatus(202);

        cancel(guest, booked.bookingId).expectStatus(200);

        JsonNode payment = await().atMost(WAIT).until(() -> bookingOf(guest, booked.bookingId).get("payment"),
                p -> p.get("refunds").size() == 1 && "FAILED".equals(p.get("refunds").get(0).get("status").asString()));
        assertThat(payment.get("refunded").get("amount").asLong()).isZero();
        assertThat(payment.get("refunds").get(0).get("failureReason").asString()).contains("simulated");
        assertThat(bookingOf(guest, booked.bookingId).get("status").asString()).isEqualTo("CANCELLED");
        awaitWallet(Map.of("EUR:pending", NET));

        staffRefund(booked.bookingId, PRICE, "The first refund failed").expectStatus(201);
        awaitBooking(guest, booked.bookingId, "REFUNDED");
        awaitWallet(Map.of());
    }

    @Test
    void copiesOfTheProvidersReportAreAppliedOnceAndAFailureAfterSuccessTakesTheRefundBack() {
        String gatheringId = open(Gatherings.gathering("Bounced", List.of(Gatherings.tier("Seat", PRICE, 3))));
        Session guest = api.newUser("Bounced Guest");
        Booked booked = bookAndPay(guest, gatheringId);
        cancel(guest, booked.bookingId).expectStatus(200);
        awaitBooking(guest, booked.bookingId, "REFUNDED");
        String refundId = RefundId.forBooking(BookingId.of(booked.bookingId)).toString();

        for (int i = 0; i < 5; i++) {
            api.post("/api/dev/refunds/" + refundId + "/outcome", support.accessToken(), Map.of("outcome", "succeeded")).expectStatus(202);
        }
        // The guest's bank sends the refund back, reported five times.
        for (int i = 0; i < 5; i++) {
            api.post("/api/dev/refunds/" + refundId + "/outcome", support.accessToken(), Map.of("outcome", "failed")).expectStatus(202);
        }
        Response tooLate = api.post("/api/dev/refunds/" + refundId + "/outcome", support.accessToken(), Map.of("outcome", "succeeded"));
        assertThat(tooLate.status()).isEqualTo(409);

        JsonNode booking = awaitBooking(guest, booked.bookingId, "CANCELLED");
        assertThat(booking.get("refundedAmount").get("amount").asLong()).isZero();
        awaitWallet(Map.of("EUR:pending", NET));
        assertThat(refunded(booked.paymentId)).hasSize(1);
        assertThat(eventsOf(booked.paymentId, RefundReversed.class)).hasSize(1);
    }

    @Test
    void aRefundAfterTheEarningsWereReleasedTakesFromWhatIsAvailable() {
        Instant startsAt = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        String gatheringId = open(Gatherings.gathering("Quick", startsAt, startsAt.plusSeconds(1),
                List.of(Gatherings.tier("Seat", PRICE, 3))));
        Booked booked = bookAndPay(api.newUser("Released Guest"), gatheringId);
        awaitWallet(Map.of("EUR:available", NET));

        staffRefund(booked.bookingId, 1000, "Complaint after the evening").expectStatus(201);

        awaitWallet(Map.of("EUR:available", NET - 938));
        staffRefund(booked.bookingId, 1500, "The rest as well").expectStatus(201);
        // Everything the host earned is taken back; nothing stays behind in pending.
        awaitWallet(Map.of());
    }

    @Test
    void theDevelopmentEndpointIsForStaffAndLabelled() {
        String refundId = UUID.randomUUID().toString();
        Session guest = api.newUser("Not Staff");
        assertThat(api.post("/api/dev/refunds/" + refundId + "/outcome", guest.accessToken(), Map.of("outcome", "failed")).status())
                .isEqualTo(404);
        assertThat(api.post("/api/dev/refunds/" + refundId + "/outcome", support.accessToken(), Map.of("outcome", "maybe")).status())
                .isEqualTo(400);
        assertThat(api.get("/v3/api-docs", null).expectStatus(200).body()).contains("/api/dev/refunds/{refundId}/outcome");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private record Booked(String bookingId, String paymentId) {
    }

    private String open(Map<String, Object> gathering) {
        return Gatherings.publish(api, host, gathering);
    }

    private JsonNode book(Session guest, String gatheringId) {
        String tierId = Gatherings.firstTierId(api, gatheringId);
        return api.postOnce("/api/bookings", guest.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1))
                .expectStatus(201).json();
    }

    private Booked bookAndPay(Session guest, String gatheringId) {
        JsonNode booking = book(guest, gatheringId);
        String bookingId = booking.get("bookingId").asString();
        String paymentId = booking.get("payment").get("paymentId").asString();
        api.post("/api/dev/payments/" + paymentId + "/outcome", guest.accessToken(), Map.of("outcome", "succeeded")).expectStatus(202);
        awaitBooking(guest, bookingId, "CONFIRMED");
        await().atMost(WAIT).until(() -> bookingOf(guest, bookingId).get("payment").get("status").asString(), "CAPTURED"::equals);
        return new Booked(bookingId, paymentId);
    }

    private Response cancel(Session guest, String bookingId) {
        return api.postOnce("/api/bookings/" + bookingId + "/cancel", guest.accessToken(), null);
    }

    private Response staffRefund(String bookingId, long amount, String reason) {
        return api.postOnce("/api/staff/refunds", support.accessToken(),
                Map.of("bookingId", bookingId, "amount", Gatherings.money(amount), "reason", reason));
    }

    private JsonNode bookingOf(Session who, String bookingId) {
        return api.get("/api/bookings/" + bookingId, who.accessToken()).expectStatus(200).json();
    }

    private JsonNode awaitBooking(Session who, String bookingId, String status) {
        return await().atMost(WAIT).until(() -> api.get("/api/bookings/" + bookingId, who.accessToken()),
                r -> r.status() == 200 && status.equals(r.json().get("status").asString())).json();
    }

    private void awaitWallet(Map<String, Long> expected) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(LedgerChecks.walletOf(api, host)).isEqualTo(expected));
    }

    private List<PaymentRefunded> refunded(String paymentId) {
        return eventsOf(paymentId, PaymentRefunded.class);
    }

    private <T> List<T> eventsOf(String aggregateId, Class<T> type) {
        return events.readEvents(aggregateId).asStream().map(message -> message.getPayload()).filter(type::isInstance).map(type::cast)
                .toList();
    }
}
