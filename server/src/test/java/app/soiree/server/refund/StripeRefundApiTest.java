package app.soiree.server.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static app.soiree.server.support.stripe.StripeProvider.intentId;
import static app.soiree.server.support.stripe.StripeProvider.metadata;
import static org.awaitility.Awaitility.await;

import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Booked;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.StripeIntegrationTest;
import app.soiree.server.support.stripe.StripeEvents.EventPayload;
import app.soiree.server.support.stripe.StripeRefundWebhooks;
import app.soiree.server.support.stripe.StripeProvider;
import app.soiree.server.support.stripe.StripeRefundsStandIn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What only Stripe has, for refunds: its reports of a refund Soiree made arriving afterwards, pending refunds settled
 * by webhook or looked up, webhooks in copies and in any order, creates that time out or are never answered, and
 * refunds made outside Soiree. Every test ends with a balanced ledger and a wallet that agrees with the journal. The
 * scenarios Stripe shares with the simulator are in {@link RefundContract}.
 */
@StripeIntegrationTest
class StripeRefundApiTest extends RefundFixture {

    @Test
    void stripesOwnReportsOfARefundSoireeMadeComeAfterwardsAndChangeNothing() {
        Session guest = api.newUser("Stripe Canceller");
        Booked booked = bookAndPay(guest, openDinner("Dinner"));
        String refundId = refundIdOf(booked);
        cancel(guest, booked.bookingId()).expectStatus(200);
        awaitBooking(booked.bookingId(), "REFUNDED");
        awaitWallet(Map.of());

        // Stripe's own reports of the same refund come afterwards and change nothing.
        Map<String, Object> refund = stripeRefund(refundId, booked, "succeeded", PRICE);
        StripeRefundsStandIn.stubList(StripeRefundsStandIn.chargeIdFor(intentId(booked)), List.of(refund));
        stripe().deliver(StripeRefundWebhooks.refundCreated(refund));
        EventPayload chargeRefunded = StripeRefundWebhooks.chargeRefunded(intentId(booked), PRICE, PRICE, metadata(booked),
                List.of(), false);
        stripe().deliver(chargeRefunded);
        stripe().awaitProcessed(chargeRefunded.id());
        assertThat(refunded(booked.paymentId())).hasSize(1);
    }

    @Test
    void aPendingRefundIsSettledByItsWebhookAndAFailureReportedFirstWins() {
        Session guest = api.newUser("Pending Refund");
        Booked booked = bookAndPay(guest, openDinner("Pending"));
        StripeRefundsStandIn.answerRefundsOf(booked.paymentId(), "pending");
        String refundId = refundIdOf(booked);
        StripeRefundsStandIn.stubRetrieve(stripeRefund(refundId, booked, "pending", PRICE));

        cancel(guest, booked.bookingId()).expectStatus(200);
        JsonNode pending = awaitRefund(booked.bookingId(), refundId, "PENDING");
        assertThat(pending.get("providerReference").asString()).isEqualTo(StripeRefundsStandIn.stripeRefundIdFor(refundId));

        // Stripe moved it succeeded, then failed (the card was closed); the failure is delivered first.
        stripe().deliver(StripeRefundWebhooks.refundFailed(stripeRefund(refundId, booked, "failed", PRICE)));
        awaitRefund(booked.bookingId(), refundId, "FAILED");
        EventPayload staleSuccess = StripeRefundWebhooks.refundUpdated(stripeRefund(refundId, booked, "succeeded", PRICE));
        stripe().deliver(staleSuccess);
        stripe().awaitProcessed(staleSuccess.id());

        assertThat(refunded(booked.paymentId())).isEmpty();
        awaitBooking(booked.bookingId(), "CANCELLED");
        awaitWallet(Map.of("EUR:pending", NET));
    }

    @Test
    void fiveConcurrentCopiesOfEveryRefundWebhookInAnyOrderBookTheRefundOnce() throws Exception {
        Session guest = api.newUser("Copied Refund");
        Booked booked = bookAndPay(guest, openDinner("Copies"));
        StripeRefundsStandIn.answerRefundsOf(booked.paymentId(), "pending");
        String refundId = refundIdOf(booked);
        StripeRefundsStandIn.stubRetrieve(stripeRefund(refundId, booked, "pending", PRICE));
        cancel(guest, booked.bookingId()).expectStatus(200);
        awaitRefund(booked.bookingId(), refundId, "PENDING");

        Map<String, Object> succeeded = stripeRefund(refundId, booked, "succeeded", PRICE);
        StripeRefundsStandIn.stubList(StripeRefundsStandIn.chargeIdFor(intentId(booked)), List.of(succeeded));
        List<EventPayload> kinds = List.of(
                StripeRefundWebhooks.refundUpdated(succeeded),
                StripeRefundWebhooks.refundCreated(stripeRefund(refundId, booked, "pending", PRICE)),
                StripeRefundWebhooks.chargeRefundUpdated(succeeded),
                StripeRefundWebhooks.chargeRefunded(intentId(booked), PRICE, PRICE, metadata(booked), List.of(succeeded), true),
                StripeRefundWebhooks.chargeRefunded(intentId(booked), PRICE, PRICE, metadata(booked), List.of(), false));
        stripe().deliverCopiesInAnyOrder(kinds, 5);

        awaitBooking(booked.bookingId(), "REFUNDED");
        kinds.forEach(kind -> stripe().awaitProcessed(kind.id()));
        assertThat(refunded(booked.paymentId())).hasSize(1);
        awaitWallet(Map.of());
    }

    @Test
    void aRefundCreateThatTimesOutIsSentAgainUnderTheSameIdempotencyKey() {
        Session guest = api.newUser("Slow Refund");
        Booked booked = bookAndPay(guest, openDinner("Slow"));
        StripeRefundsStandIn.timeOutFirstRefundOf(booked.paymentId());
        String refundId = refundIdOf(booked);

        cancel(guest, booked.bookingId()).expectStatus(200);

        awaitBooking(booked.bookingId(), "REFUNDED");
        assertThat(StripeRefundsStandIn.createsFor(booked.paymentId())).hasSize(2)
                .allSatisfy(create -> assertThat(create.getHeader("Idempotency-Key")).isEqualTo(refundId));
        assertThat(refunded(booked.paymentId())).hasSize(1);
        awaitWallet(Map.of());
    }

    @Test
    void aRefundStripeNeverAnswersIsLeftToStaffAndALateWebhookStillSettlesIt() {
        Session guest = api.newUser("Unanswered Refund");
        Booked booked = bookAndPay(guest, openDinner("Silent"));
        StripeRefundsStandIn.timeOutRefundsOf(booked.paymentId());
        String refundId = refundIdOf(booked);

        cancel(guest, booked.bookingId()).expectStatus(200);

        JsonNode unknown = await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/staff/refunds?status=OUTCOME_UNKNOWN&limit=100",
                support.accessToken()).expectStatus(200).json().get("items"), items -> contains(items, refundId));
        assertThat(unknown.toString()).contains(booked.bookingId());
        assertThat(StripeRefundsStandIn.createsFor(booked.paymentId())).hasSize(3); // soiree.refunds.max-attempts in application-test.yml
        awaitWallet(Map.of("EUR:pending", NET));

        stripe().deliver(StripeRefundWebhooks.refundUpdated(stripeRefund(refundId, booked, "succeeded", PRICE)));

        awaitRefund(booked.bookingId(), refundId, "SUCCEEDED");
        awaitBooking(booked.bookingId(), "REFUNDED");
        awaitWallet(Map.of());
    }

    @Test
    void aPendingRefundWhoseWebhookNeverComesIsLookedUpAtStripe() {
        Session guest = api.newUser("Looked-up Refund");
        Booked booked = bookAndPay(guest, openDinner("Quiet"));
        StripeRefundsStandIn.answerRefundsOf(booked.paymentId(), "pending");
        String refundId = refundIdOf(booked);
        StripeRefundsStandIn.stubRetrieve(stripeRefund(refundId, booked, "succeeded", PRICE));

        cancel(guest, booked.bookingId()).expectStatus(200);

        awaitBooking(booked.bookingId(), "REFUNDED");
        assertThat(StripeRefundsStandIn.retrievesOf(StripeRefundsStandIn.stripeRefundIdFor(refundId))).isPositive();
        assertThat(refunded(booked.paymentId())).singleElement()
                .satisfies(refund -> assertThat(refund.providerEventId()).isEqualTo("reconciliation:" + refundId));
        awaitWallet(Map.of());
    }

    @Test
    void aRefundMadeOutsideSoireeIsAcknowledgedAndLeftAlone() {
        Booked booked = bookAndPay(api.newUser("Dashboard Refund"), openDinner("Dashboard"));
        EventPayload event = StripeRefundWebhooks.refundCreated(StripeRefundsStandIn.refund("re_dashboard" + UUID.randomUUID().toString()
                .replace("-", ""), "succeeded", 500, intentId(booked), Map.of(), null));

        stripe().deliver(event).expectStatus(200);

        String outcome = stripe().awaitProcessed(event.id());
        assertThat(outcome).startsWith("ignored").contains("not made by Soiree");
        awaitWallet(Map.of("EUR:pending", NET));
    }
    private Map<String, Object> stripeRefund(String refundId, Booked booked, String status, long amount) {
        return StripeProvider.refund(booked, refundId, status, amount);
    }




    private void awaitBooking(String bookingId, String status) {
        awaitBooking(host, bookingId, status);
    }
}
