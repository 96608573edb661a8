package app.soiree.server.support.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.payment.PaymentCaptured;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Booked;
import app.soiree.server.support.ProviderDriver;
import app.soiree.server.support.stripe.StripeEvents.EventPayload;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Stripe as the provider: the real stripe-java SDK talks to the WireMock stand-ins, and Stripe's reports arrive as
 * signed webhooks. Also the one place the Stripe tests derive Stripe's ids and metadata from a booking.
 */
public final class StripeProvider implements ProviderDriver {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Api api;
    private final JdbcTemplate jdbc;
    /** The dispute this test opened per payment, with how many webhooks about it were delivered. */
    private final Map<String, StripeDisputes.Dispute> disputes = new ConcurrentHashMap<>();
    private final Map<String, Integer> disputeReports = new ConcurrentHashMap<>();

    public StripeProvider(Api api, JdbcTemplate jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public void beforeEach() {
        StripeRefundsStandIn.install();
        StripeDisputes.install();
        StripeConnectStandIn.install();
    }

    @Override
    public void verifyRequestsAuthenticated() {
        StripeStandIn.verifyAllRequestsAuthenticated();
    }

    @Override
    public void afterEach() {
        StripeStandIn.reset();
    }

    // ---- Stripe's view of a booking ----------------------------------------------------------------------------

    public static String intentId(Booked booked) {
        return StripeStandIn.intentIdFor(booked.paymentId());
    }

    /** The metadata Soiree puts on the booking's PaymentIntent. */
    public static Map<String, String> metadata(Booked booked) {
        return Map.of("soiree_payment_id", booked.paymentId(), "soiree_booking_id", booked.bookingId(),
                "soiree_gathering_id", booked.gatheringId());
    }

    public static EventPayload succeeded(Booked booked) {
        return StripeEvents.paymentIntentSucceeded(intentId(booked), booked.amount(), "eur", metadata(booked));
    }

    /** A Refund of this booking's payment as Stripe renders it, made by Soiree under {@code refundId}. */
    public static Map<String, Object> refund(Booked booked, String refundId, String status, long amount) {
        return StripeRefundsStandIn.refund(StripeRefundsStandIn.stripeRefundIdFor(refundId), status, amount, intentId(booked),
                StripeRefundsStandIn.metadata(refundId, booked.paymentId()), "failed".equals(status) ? "expired_or_canceled_card" : null);
    }

    /** A new dispute of this booking's payment, due in nine days. */
    public static StripeDisputes.Dispute newDispute(Booked booked, long amount, String reason) {
        return new StripeDisputes.Dispute(StripeDisputes.newDisputeId(), intentId(booked), amount, "eur", reason,
                Instant.now().plus(Duration.ofDays(9)).truncatedTo(ChronoUnit.SECONDS));
    }

    public Response deliver(EventPayload event) {
        return StripeWebhookDeliveries.deliver(api, StripeWebhookDeliveries.ACCOUNT_ENDPOINT, event);
    }

    public Response deliverConnect(EventPayload event) {
        return StripeWebhookDeliveries.deliver(api, StripeWebhookDeliveries.CONNECT_ENDPOINT, event);
    }

    public List<Response> deliverConcurrently(List<EventPayload> deliveries) throws Exception {
        return StripeWebhookDeliveries.deliverConcurrently(api, StripeWebhookDeliveries.ACCOUNT_ENDPOINT, deliveries);
    }

    /**
     * Delivers {@code copies} copies of each event, shuffled, all at once; each is acknowledged, and each event is
     * taken once, the other copies answered as duplicates.
     */
    public void deliverCopiesInAnyOrder(List<EventPayload> events, int copies) throws Exception {
        List<EventPayload> deliveries = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            deliveries.addAll(events);
        }
        Collections.shuffle(deliveries);

        List<Response> answers = deliverConcurrently(deliveries);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        assertThat(answers.stream().filter(answer -> !answer.json().get("duplicate").asBoolean())).hasSize(events.size());
    }

    /** What the inbox made of a stored event once it was applied; null before. */
    public @Nullable String outcomeOf(String eventId) {
        return jdbc.queryForList("select outcome from provider_events where event_id = ? and processed_at is not null", String.class, eventId)
                .stream().findFirst().orElse(null);
    }

    /** What the inbox made of a stored event, once it has been applied. */
    public String awaitProcessed(String eventId) {
        return await().atMost(WAIT).until(() -> outcomeOf(eventId), outcome -> outcome != null);
    }

    /** Waits until this many distinct events about the dispute were applied (or deliberately ignored) by the inbox. */
    public void awaitDisputeEventsApplied(String stripeDisputeId, int expected) {
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "select count(*) from provider_events where payload like ? and processed_at is not null", Integer.class,
                "%\"id\":\"" + stripeDisputeId + "\"%"), count -> count == expected);
    }

    // ---- payments ----------------------------------------------------------------------------------------------

    @Override
    public void pay(Session actor, Booked booked) {
        StripeStandIn.stubRetrieve(intentId(booked), "succeeded", booked.amount(), "eur", metadata(booked));
        deliver(succeeded(booked)).expectStatus(200);
    }

    @Override
    public void decline(Session actor, Booked booked) {
        deliver(StripeEvents.paymentIntentPaymentFailed(intentId(booked), booked.amount(), "eur", metadata(booked))).expectStatus(200);
    }

    @Override
    public void letExpire(Session actor, Booked booked) {
        StripeStandIn.stubRetrieve(intentId(booked), "requires_payment_method", booked.amount(), "eur", metadata(booked));
    }

    @Override
    public void verifyClientSecret(Booked booked, String clientSecret) {
        assertThat(clientSecret).isEqualTo(StripeStandIn.clientSecretFor(intentId(booked)));
    }

    @Override
    public void verifyPaymentCreated(Booked booked) {
        StripeStandIn.verifyCreatesUsedIdempotencyKey(booked.bookingId(), booked.paymentId());
        StripeStandIn.verifyAllRequestsAuthenticated();
    }

    @Override
    public void verifyCaptured(PaymentCaptured captured) {
        assertThat(captured.providerFee()).isNotNull();
        assertThat(captured.providerFee().amountMinor()).isEqualTo(StripeStandIn.feeFor(captured.amount().amountMinor()));
    }

    // ---- refunds -----------------------------------------------------------------------------------------------

    @Override
    public void refuseRefund(Session actor, Booked booked, String refundId) {
        StripeRefundsStandIn.refuseRefund(refundId);
    }

    @Override
    public String refundRefusal() {
        return "charge_already_refunded";
    }

    @Override
    public void reverseRefund(Session actor, Booked booked, String refundId) {
        deliver(StripeRefundWebhooks.chargeRefundUpdated(refund(booked, refundId, "failed", booked.amount()))).expectStatus(200);
    }

    @Override
    public void verifyRefundsAsked(Booked booked, List<String> refundIds, List<Long> amounts) {
        List<LoggedRequest> creates = StripeRefundsStandIn.createsFor(booked.paymentId());
        assertThat(creates).hasSize(refundIds.size());
        for (int i = 0; i < creates.size(); i++) {
            LoggedRequest create = creates.get(i);
            assertThat(create.getHeader("Idempotency-Key")).isEqualTo(refundIds.get(i));
            assertThat(create.formParameters().get("payment_intent").firstValue()).isEqualTo(intentId(booked));
            assertThat(create.formParameters().get("amount").firstValue()).isEqualTo(Long.toString(amounts.get(i)));
            assertThat(create.formParameters().get("metadata[soiree_refund_id]").firstValue()).isEqualTo(refundIds.get(i));
        }
        StripeStandIn.verifyAllRequestsAuthenticated();
    }

    // ---- disputes ----------------------------------------------------------------------------------------------

    private void report(Booked booked, EventPayload event) {
        deliver(event).expectStatus(200);
        disputeReports.merge(booked.paymentId(), 1, Integer::sum);
    }

    @Override
    public void dispute(Session actor, Booked booked, long amount, String reason) {
        StripeDisputes.Dispute dispute = newDispute(booked, amount, reason);
        disputes.put(booked.paymentId(), dispute);
        report(booked, dispute.created());
    }

    private StripeDisputes.Dispute disputeOf(Booked booked) {
        StripeDisputes.Dispute dispute = disputes.get(booked.paymentId());
        if (dispute == null) {
            throw new IllegalStateException("no dispute opened for " + booked);
        }
        return dispute;
    }

    @Override
    public void decideDispute(Session actor, Booked booked, boolean won) {
        report(booked, disputeOf(booked).closed(won ? "won" : "lost"));
    }

    @Override
    public boolean decidesAcceptedDisputesAtOnce() {
        return false;
    }

    @Override
    public void verifyDisputeOpened(Booked booked, JsonNode dispute) {
        assertThat(dispute.get("providerDisputeId").asString()).isEqualTo(disputeOf(booked).id());
        assertThat(Instant.parse(dispute.get("evidenceDueBy").asString())).isEqualTo(disputeOf(booked).dueBy());
    }

    @Override
    public void verifyDisputeConceded(Booked booked) {
        List<LoggedRequest> closes = StripeDisputes.closesOf(disputeOf(booked).id());
        assertThat(closes).hasSize(1);
        assertThat(closes.getFirst().getHeader("Idempotency-Key")).isNotBlank();
    }

    @Override
    public void awaitDisputeReportsApplied(Booked booked) {
        awaitDisputeEventsApplied(disputeOf(booked).id(), disputeReports.getOrDefault(booked.paymentId(), 0));
    }

    // ---- payouts -----------------------------------------------------------------------------------------------

    @Override
    public void verifyOnboardingUrl(Session host, String onboardingUrl) {
        assertThat(onboardingUrl).startsWith("https://connect.stripe.com/setup/e/" + StripeConnectStandIn.accountIdFor(host.userId()) + "/");
    }

    @Override
    public void enablePayoutAccount(Session host) {
        deliverConnect(StripeConnectWebhooks.accountUpdated(StripeConnectStandIn.accountIdFor(host.userId()), host.userId(), true,
                Instant.now())).expectStatus(200);
    }

    @Override
    public void refuseTransfers(Session host) {
        StripeConnectStandIn.refuseTransfersTo(StripeConnectStandIn.accountIdFor(host.userId()));
    }

    @Override
    public String transferRefusal() {
        return "insufficient_capabilities_for_transfer";
    }

    @Override
    public void reverseTransfer(Session actor, Session host, String payoutId, long amount) {
        deliver(StripeConnectWebhooks.transferReversed(StripeConnectStandIn.transferIdFor(payoutId), payoutId, host.userId(),
                StripeConnectStandIn.accountIdFor(host.userId()), amount, amount, Instant.now())).expectStatus(200);
    }

    @Override
    public void verifyTransferReference(String payoutId, String transferReference) {
        assertThat(transferReference).isEqualTo(StripeConnectStandIn.transferIdFor(payoutId));
    }

    @Override
    public void verifyTransfersAsked(Session host, List<String> payoutIds, List<Long> amounts) {
        List<LoggedRequest> transfers = StripeConnectStandIn.transfersTo(StripeConnectStandIn.accountIdFor(host.userId()));
        assertThat(transfers).hasSize(payoutIds.size());
        for (int i = 0; i < transfers.size(); i++) {
            LoggedRequest transfer = transfers.get(i);
            assertThat(transfer.getHeader("Idempotency-Key")).isEqualTo(payoutIds.get(i));
            assertThat(transfer.formParameters().get("amount").firstValue()).isEqualTo(Long.toString(amounts.get(i)));
            assertThat(transfer.formParameters().get("currency").firstValue()).isEqualTo("eur");
            assertThat(transfer.formParameters().get("metadata[soiree_payout_id]").firstValue()).isEqualTo(payoutIds.get(i));
        }
    }
}
