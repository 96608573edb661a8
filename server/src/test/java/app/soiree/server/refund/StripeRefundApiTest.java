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
import app.soiree.server.support.LedgerChecks;
import app.soiree.server.support.StripeIntegrationTest;
import app.soiree.server.support.stripe.StripeEvents.EventPayload;
import app.soiree.server.support.stripe.StripeEvents;
import app.soiree.server.support.stripe.StripeRefundWebhooks;
import app.soiree.server.support.stripe.StripeRefundsStandIn;
import app.soiree.server.support.stripe.StripeStandIn;
import app.soiree.server.support.stripe.StripeWebhookDeliveries;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Refunds through Stripe: the real SDK against the stand-in's Refunds API, and refund webhooks signed with
 * Stripe's scheme, in copies and in any order. Every test ends with a balanced ledger and a wallet that
 * agrees with the journal.
 */
@StripeIntegrationTest
class StripeRefundApiTest {

    static final long PRICE = 2500;
    static final long NET = 2345;
    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    EventStore events;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private Session host;
    private static Session finance;
    private static Session support;

    @BeforeEach
    void setUp() {
        StripeRefundsStandIn.install();
        api = new Api(port);
        host = api.newHost("Stripe Refunding Host");
        if (finance == null) {
            Session admin = api.signIn("", "admin@soiree.test", "admin-password-1");
            finance = api.newStaff(admin, "FINANCE");
            support = api.newStaff(admin, "SUPPORT");
        }
    }

    @AfterEach
    void theLedgerBalancesAndTheWalletAgreesWithTheJournal() {
        try {
            LedgerChecks.assertTrialBalanceBalances(api, finance);
            LedgerChecks.assertWalletAgreesWithJournal(api, finance, host);
        } finally {
            StripeStandIn.reset();
        }
    }

    @Test
    void aGuestCancellingWithinThePolicyIsRefundedAtStripeUnderTheRefundIdAsIdempotencyKey() {
        String gatheringId = open(Gatherings.gathering("Dinner", List.of(Gatherings.tier("Seat", PRICE, 3))));
        Session guest = api.newUser("Stripe Canceller");
        Booked booked = bookAndPay(guest, gatheringId);
        String refundId = RefundId.forBooking(BookingId.of(booked.bookingId)).toString();

        JsonNode cancelled = cancel(guest, booked.bookingId).expectStatus(200).json();

        assertThat(cancelled.get("refund").get("refundId").asString()).isEqualTo(refundId);
        awaitBooking(booked.bookingId, "REFUNDED");
        List<LoggedRequest> creates = StripeRefundsStandIn.createsFor(booked.paymentId);
        assertThat(creates).singleElement().satisfies(create -> {
            assertThat(create.getHeader("Idempotency-Key")).isEqualTo(refundId);
            assertThat(create.formParameters().get("payment_intent").firstValue()).isEqualTo(booked.intentId());
            assertThat(create.formParameters().get("amount").firstValue()).isEqualTo(Long.toString(PRICE));
            assertThat(create.formParameters().get("metadata[soiree_refund_id]").firstValue()).isEqualTo(refundId);
        });
        StripeStandIn.verifyAllRequestsAuthenticated();
        awaitWallet(Map.of());

        // Stripe's own reports of the same refund come afterwards and change nothing.
        Map<String, Object> refund = stripeRefund(refundId, booked, "succeeded", PRICE);
        StripeRefundsStandIn.stubList(StripeRefundsStandIn.chargeIdFor(booked.intentId()), List.of(refund));
        deliver(StripeRefundWebhooks.refundCreated(refund));
        EventPayload chargeRefunded = StripeRefundWebhooks.chargeRefunded(booked.intentId(), PRICE, PRICE, booked.metadata(),
                List.of(), false);
        deliver(chargeRefunded);
        awaitProcessed(chargeRefunded.id());
        assertThat(refunded(booked.paymentId)).hasSize(1);
    }

    @Test
    void aGuestCancellingTooLateAsksStripeForNothing() {
        Instant startsAt = Instant.now().plus(Duration.ofHours(24)).truncatedTo(ChronoUnit.SECONDS);
        String gatheringId = open(Gatherings.gathering("Late", startsAt, startsAt.plus(Duration.ofHours(2)),
                List.of(Gatherings.tier("Seat", PRICE, 3))));
        Session guest = api.newUser("Late Stripe Canceller");
        Booked booked = bookAndPay(guest, gatheringId);

        JsonNode cancelled = cancel(guest, booked.bookingId).expectStatus(200).json();

        assertThat(cancelled.get("refund").isNull()).isTrue();
        awaitBooking(booked.bookingId, "CANCELLED");
        awaitWallet(Map.of("EUR:pending", NET));
        assertThat(StripeRefundsStandIn.createsFor(booked.paymentId)).isEmpty();
    }

    @Test
    void aHostCancellingAGatheringOfManyBookingsRefundsEveryOneAtStripe() {
        int paid = 20;
        String gatheringId = open(Gatherings.gathering("Big Stripe night", List.of(Gatherings.tier("Seat", PRICE, paid))));
        List<Booked> bookings = new ArrayList<>();
        for (int i = 0; i < paid; i++) {
            bookings.add(bookAndPay(api.newUser("Stripe Guest " + i), gatheringId));
        }
        awaitWallet(Map.of("EUR:pending", paid * NET));

        api.post("/api/gatherings/" + gatheringId + "/cancel", host.accessToken(), Map.of("reason", "Band cancelled")).expectStatus(200);

        JsonNode progress = await().atMost(Duration.ofSeconds(90)).until(() -> api.get("/api/gatherings/" + gatheringId + "/cancellation",
                host.accessToken()), r -> r.status() == 200 && "COMPLETED".equals(r.json().get("status").asString())).json();
        assertThat(progress.get("bookingsToRefund").asInt()).isEqualTo(paid);
        assertThat(progress.get("refundsSucceeded").asInt()).isEqualTo(paid);
        for (Booked booked : bookings) {
            awaitBooking(booked.bookingId, "REFUNDED");
            assertThat(StripeRefundsStandIn.createsFor(booked.paymentId)).hasSize(1);
        }
        awaitWallet(Map.of());
    }

    @Test
    void supportRefundsPartsAtStripeUpToWhatWasCapturedAndNoMore() {
        String gatheringId = open(Gatherings.gathering("Partial", List.of(Gatherings.tier("Seat", PRICE, 3))));
        Booked booked = bookAndPay(api.newUser("Partly Refunded at Stripe"), gatheringId);

        staffRefund(booked.bookingId, 1200, "Wrong table").expectStatus(201);
        staffRefund(booked.bookingId, 1300, "Cold food").expectStatus(201);
        Response tooMuch = staffRefund(booked.bookingId, 1, "More");

        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.code()).isEqualTo("REFUND_EXCEEDS_CAPTURED");
        await().atMost(WAIT).until(() -> refunded(booked.paymentId).size() == 2);
        // round(1200·2345/2500) = 1126, and the rest of the net: 1219.
        assertThat(refunded(booked.paymentId)).extracting(refund -> refund.hostShare().amountMinor())
                .containsExactlyInAnyOrder(1126L, 1219L);
        assertThat(StripeRefundsStandIn.createsFor(booked.paymentId))
                .extracting(create -> create.formParameters().get("amount").firstValue()).containsExactly("1200", "1300");
        awaitWallet(Map.of());
    }

    @Test
    void aRefundStripeRefusesIsFailedAndGivesNothingBack() {
        String gatheringId = open(Gatherings.gathering("Refused", List.of(Gatherings.tier("Seat", PRICE, 3))));
        Booked booked = bookAndPay(api.newUser("Refused at Stripe"), gatheringId);
        StripeRefundsStandIn.refuseRefundsOf(booked.paymentId);

        String refundId = staffRefund(booked.bookingId, PRICE, "Goodwill").expectStatus(201).json().get("refundId").asString();

        JsonNode refund = awaitRefund(booked.bookingId, refundId, "FAILED");
        assertThat(refund.get("failureReason").asString()).contains("charge_already_refunded");
        awaitWallet(Map.of("EUR:pending", NET));
        assertThat(refunded(booked.paymentId)).isEmpty();
    }

    @Test
    void aPendingRefundIsSettledByItsWebhookAndAFailureReportedFirstWins() {
        String gatheringId = open(Gatherings.gathering("Pending", List.of(Gatherings.tier("Seat", PRICE, 3))));
        Session guest = api.newUser("Pending Refund");
        Booked booked = bookAndPay(guest, gatheringId);
        StripeRefundsStandIn.answerRefundsOf(booked.paymentId, "pending");
        String refundId = RefundId.forBooking(BookingId.of(booked.bookingId)).toString();
        StripeRefundsStandIn.stubRetrieve(stripeRefund(refundId, booked, "pending", PRICE));

        cancel(guest, booked.bookingId).expectStatus(200);
        JsonNode pending = awaitRefund(booked.bookingId, refundId, "PENDING");
        assertThat(pending.get("providerReference").asString()).isEqualTo(StripeRefundsStandIn.stripeRefundIdFor(refundId));

        // Stripe moved it succeeded, then failed (the card was closed); the failure is delivered first.
        deliver(StripeRefundWebhooks.refundFailed(stripeRefund(refundId, booked, "failed", PRICE)));
        awaitRefund(booked.bookingId, refundId, "FAILED");
        EventPayload staleSuccess = StripeRefundWebhooks.refundUpdated(stripeRefund(refundId, booked, "succeeded", PRICE));
        deliver(staleSuccess);
        awaitProcessed(staleSuccess.id());

        assertThat(refunded(booked.paymentId)).isEmpty();
        awaitBooking(booked.bookingId, "CANCELLED");
        awaitWallet(Map.of("EUR:pending", NET));
    }

    @Test
    void aRefundThatFailsAfterItSucceededIsTakenBack() {
        String gatheringId = open(Gatherings.gathering("Bounced", List.of(Gatherings.tier("Seat", PRICE, 3))));
        Session guest = api.newUser("Bounced at Stripe");
        Booked booked = bookAndPay(guest, gatheringId);
        String refundId = RefundId.forBooking(BookingId.of(booked.bookingId)).toString();
        cancel(guest, booked.bookingId).expectStatus(200);
        awaitBooking(booked.bookingId, "REFUNDED");

        deliver(StripeRefundWebhooks.chargeRefundUpdated(stripeRefund(refundId, booked, "failed", PRICE)));

        awaitRefund(booked.bookingId, refundId, "FAILED");
        awaitBooking(booked.bookingId, "CANCELLED");
        awaitWallet(Map.of("EUR:pending", NET));
        assertThat(eventsOf(booked.paymentId, RefundReversed.class)).hasSize(1);
    }

    @Test
    void fiveConcurrentCopiesOfEveryRefundWebhookInAnyOrderBookTheRefundOnce() throws Exception {
        String gatheringId = open(Gatherings.gathering("Copies", List.of(Gatherings.tier("Seat", PRICE, 3))));
        Session guest = api.newUser("Copied Refund");
        Booked booked = bookAndPay(guest, gatheringId);
        StripeRefundsStandIn.answerRefundsOf(booked.paymentId, "pending");
        String refundId = RefundId.forBooking(BookingId.of(booked.bookingId)).toString();
        StripeRefundsStandIn.stubRetrieve(stripeRefund(refundId, booked, "pending", PRICE));
        cancel(guest, booked.bookingId).expectStatus(200);
        awaitRefund(booked.bookingId, refundId, "PENDING");

        Map<String, Object> succeeded = stripeRefund(refundId, booked, "succeeded", PRICE);
        StripeRefundsStandIn.stubList(StripeRefundsStandIn.chargeIdFor(booked.intentId()), List.of(succeeded));
        List<EventPayload> kinds = List.of(
                StripeRefundWebhooks.refundUpdated(succeeded),
                StripeRefundWebhooks.refundCreated(stripeRefund(refundId, booked, "pending", PRICE)),
                StripeRefundWebhooks.chargeRefundUpdated(succeeded),
                StripeRefundWebhooks.chargeRefunded(booked.intentId(), PRICE, PRICE, booked.metadata(), List.of(succeeded), true),
                StripeRefundWebhooks.chargeRefunded(booked.intentId(), PRICE, PRICE, booked.metadata(), List.of(), false));
        List<EventPayload> deliveries = new ArrayList<>();
        for (int copy = 0; copy < 5; copy++) {
            deliveries.addAll(kinds);
        }
        Collections.shuffle(deliveries);

        List<Response> answers = deliverConcurrently(deliveries);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        assertThat(answers.stream().filter(answer -> !answer.json().get("duplicate").asBoolean())).hasSize(kinds.size());
        awaitBooking(booked.bookingId, "REFUNDED");
        kinds.forEach(kind -> awaitProcessed(kind.id()));
        assertThat(refunded(booked.paymentId)).hasSize(1);
        awaitWallet(Map.of());
    }

    @Test
    void aRefundCreateThatTimesOutIsSentAgainUnderTheSameIdempotencyKey() {
        String gatheringId = open(Gatherings.gathering("Slow", List.of(Gatherings.tier("Seat", PRICE, 3))));
        Session guest = api.newUser("Slow Refund");
        Booked booked = bookAndPay(guest, gatheringId);
        StripeRefundsStandIn.timeOutFirstRefundOf(booked.paymentId);
        String refundId = RefundId.forBooking(BookingId.of(booked.bookingId)).toString();

        cancel(guest, booked.bookingId).expectStatus(200);

        awaitBooking(booked.bookingId, "REFUNDED");
        assertThat(StripeRefundsStandIn.createsFor(booked.paymentId)).hasSize(2)
                .allSatisfy(create -> assertThat(create.getHeader("Idempotency-Key")).isEqualTo(refundId));
        assertThat(refunded(booked.paymentId)).hasSize(1);
        awaitWallet(Map.of());
    }

    @Test
    void aRefundStripeNeverAnswersIsLeftToStaffAndALateWebhookStillSettlesIt() {
        String gatheringId = open(Gatherings.gathering("Silent", List.of(Gatherings.tier("Seat", PRICE, 3))));
        Session guest = api.newUser("Unanswered Refund");
        Booked booked = bookAndPay(guest, gatheringId);
        StripeRefundsStandIn.timeOutRefundsOf(booked.paymentId);
        String refundId = RefundId.forBooking(BookingId.of(booked.bookingId)).toString();

        cancel(guest, booked.bookingId).expectStatus(200);

        JsonNode unknown = await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/staff/refunds?status=OUTCOME_UNKNOWN&limit=100",
                support.accessToken()).expectStatus(200).json().get("items"), items -> contains(items, refundId));
        assertThat(unknown.toString()).contains(booked.bookingId);
        assertThat(StripeRefundsStandIn.createsFor(booked.paymentId)).hasSize(3); // soiree.refunds.max-attempts in application-test.yml
        awaitWallet(Map.of("EUR:pending", NET));

        deliver(StripeRefundWebhooks.refundUpdated(stripeRefund(refundId, booked, "succeeded", PRICE)));

        awaitRefund(booked.bookingId, refundId, "SUCCEEDED");
        awaitBooking(booked.bookingId, "REFUNDED");
        awaitWallet(Map.of());
    }

    @Test
    void aPendingRefundWhoseWebhookNeverComesIsLookedUpAtStripe() {
        String gatheringId = open(Gatherings.gathering("Quiet", List.of(Gatherings.tier("Seat", PRICE, 3))));
        Session guest = api.newUser("Looked-up Refund");
        Booked booked = bookAndPay(guest, gatheringId);
        StripeRefundsStandIn.answerRefundsOf(booked.paymentId, "pending");
        String refundId = RefundId.forBooking(BookingId.of(booked.bookingId)).toString();
        StripeRefundsStandIn.stubRetrieve(stripeRefund(refundId, booked, "succeeded", PRICE));

        cancel(guest, booked.bookingId).expectStatus(200);

        awaitBooking(booked.bookingId, "REFUNDED");
        assertThat(StripeRefundsStandIn.retrievesOf(StripeRefundsStandIn.stripeRefundIdFor(refundId))).isPositive();
        assertThat(refunded(booked.paymentId)).singleElement()
                .satisfies(refund -> assertThat(refund.providerEventId()).isEqualTo("reconciliation:" + refundId));
        awaitWallet(Map.of());
    }

    @Test
    void aRefundMadeOutsideSoireeIsAcknowledgedAndLeftAlone() {
        String gatheringId = open(Gatherings.gathering("Dashboard", List.of(Gatherings.tier("Seat", PRICE, 3))));
        Booked booked = bookAndPay(api.newUser("Dashboard Refund"), gatheringId);
        EventPayload event = StripeRefundWebhooks.refundCreated(StripeRefundsStandIn.refund("re_dashboard" + UUID.randomUUID().toString()
                .replace("-", ""), "succeeded", 500, booked.intentId(), Map.of(), null));

        deliver(event).expectStatus(200);

        String outcome = awaitProcessed(event.id());
        assertThat(outcome).startsWith("ignored").contains("not made by Soiree");
        awaitWallet(Map.of("EUR:pending", NET));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private record Booked(String bookingId, String paymentId, String gatheringId) {
        String intentId() {
            return StripeStandIn.intentIdFor(paymentId);
        }

        Map<String, String> metadata() {
            return Map.of("soiree_payment_id", paymentId, "soiree_booking_id", bookingId, "soiree_gathering_id", gatheringId);
        }
    }

    private String open(Map<String, Object> gathering) {
        return Gatherings.publish(api, host, gathering);
    }

    private Booked bookAndPay(Session guest, String gatheringId) {
        String tierId = Gatherings.firstTierId(api, gatheringId);
        String bookingId = UUID.randomUUID().toString();
        JsonNode booking = api.postOnce("/api/bookings", guest.accessToken(),
                Map.of("bookingId", bookingId, "gatheringId", gatheringId, "tierId", tierId, "quantity", 1)).expectStatus(201).json();
        Booked booked = new Booked(bookingId, booking.get("payment").get("paymentId").asString(), gatheringId);
        StripeStandIn.stubRetrieve(booked.intentId(), "succeeded", PRICE, "eur", booked.metadata());
        deliver(StripeEvents.paymentIntentSucceeded(booked.intentId(), PRICE, "eur", booked.metadata())).expectStatus(200);
        awaitBooking(bookingId, "CONFIRMED");
        await().atMost(WAIT).until(() -> bookingOf(bookingId).get("payment").get("status").asString(), "CAPTURED"::equals);
        return booked;
    }

    private Map<String, Object> stripeRefund(String refundId, Booked booked, String status, long amount) {
        return StripeRefundsStandIn.refund(StripeRefundsStandIn.stripeRefundIdFor(refundId), status, amount, booked.intentId(),
                StripeRefundsStandIn.metadata(refundId, booked.paymentId), "failed".equals(status) ? "expired_or_canceled_card" : null);
    }

    private Response cancel(Session guest, String bookingId) {
        return api.postOnce("/api/bookings/" + bookingId + "/cancel", guest.accessToken(), null);
    }

    private Response staffRefund(String bookingId, long amount, String reason) {
        return api.postOnce("/api/staff/refunds", support.accessToken(),
                Map.of("bookingId", bookingId, "amount", Gatherings.money(amount), "reason", reason));
    }

    private Response deliver(EventPayload event) {
        return StripeWebhookDeliveries.deliver(api, StripeWebhookDeliveries.ACCOUNT_ENDPOINT, event);
    }

    private List<Response> deliverConcurrently(List<EventPayload> deliveries) throws Exception {
        return StripeWebhookDeliveries.deliverConcurrently(api, StripeWebhookDeliveries.ACCOUNT_ENDPOINT, deliveries);
    }

    /** What the inbox made of a stored event, once it has been applied. */
    private String awaitProcessed(String eventId) {
        return await().atMost(WAIT).until(() -> jdbc.queryForList(
                "select outcome from provider_events where event_id = ? and processed_at is not null", String.class, eventId),
                outcomes -> !outcomes.isEmpty()).getFirst();
    }

    private JsonNode bookingOf(String bookingId) {
        return api.get("/api/bookings/" + bookingId, host.accessToken()).expectStatus(200).json();
    }

    private void awaitBooking(String bookingId, String status) {
        await().atMost(WAIT).until(() -> api.get("/api/bookings/" + bookingId, host.accessToken()),
                r -> r.status() == 200 && status.equals(r.json().get("status").asString()));
    }

    private JsonNode awaitRefund(String bookingId, String refundId, String status) {
        return await().atMost(WAIT).until(() -> {
            for (JsonNode refund : api.get("/api/staff/bookings/" + bookingId + "/refunds", support.accessToken()).expectStatus(200).json()
                    .get("items")) {
                if (refund.get("refundId").asString().equals(refundId)) {
                    return refund;
                }
            }
            return null;
        }, refund -> refund != null && status.equals(refund.get("status").asString()));
    }

    private static boolean contains(JsonNode items, String refundId) {
        for (JsonNode item : items) {
            if (item.get("refundId").asString().equals(refundId)) {
                return true;
            }
        }
        return false;
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
