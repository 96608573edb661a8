package app.soiree.server.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static app.soiree.server.support.stripe.StripeProvider.intentId;
import static app.soiree.server.support.stripe.StripeProvider.metadata;
import static org.awaitility.Awaitility.await;

import app.soiree.api.ledger.Postings;
import app.soiree.api.payment.PaymentCaptured;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Booked;
import app.soiree.server.support.StripeIntegrationTest;
import app.soiree.server.support.stripe.StripeEvents.EventPayload;
import app.soiree.server.support.stripe.StripeEvents;
import app.soiree.server.support.stripe.StripeStandIn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What only Stripe has, for paid bookings: failures of the create call (declines, rate limits, time-outs), the hold
 * that asks Stripe when its webhook is lost, and the webhooks themselves (copies, any order, tampered or stale
 * signatures, unknown types, random interleavings). Every delivery path ends in one capture at most and balanced
 * postings. The paid-booking scenarios Stripe shares with the simulator are in {@link PaymentContract}.
 */
@StripeIntegrationTest
class StripePaymentApiTest extends PaymentFixture {

    @Test
    void aDeclinedCardAtCreationReleasesTheSeatsAtOnce() {
        String bookingId = UUID.randomUUID().toString();
        StripeStandIn.declineCreateFor(bookingId);

        Response refused = bookRaw(guest, bookingId, 3);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("PAYMENT_DECLINED");
        awaitAvailableSeats(3);
        awaitBooking(bookingId, "EXPIRED");
    }

    @Test
    void aRateLimitedCreateIsAnsweredAsProviderUnavailableAndLosesNothing() {
        String bookingId = UUID.randomUUID().toString();
        StripeStandIn.rateLimitCreateFor(bookingId);

        Response refused = bookRaw(guest, bookingId, 1);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("PAYMENT_PROVIDER_UNAVAILABLE");
        awaitAvailableSeats(3);
        // The guest can book again straight away.
        book(guest, 1);
    }

    @Test
    void aCreateThatTimesOutIsReconciledByAskingStripeWithTheSameIdempotencyKey() {
        String bookingId = UUID.randomUUID().toString();
        StripeStandIn.timeOutCreateOnceFor(bookingId);

        JsonNode response = bookRaw(guest, bookingId, 1).expectStatus(201).json();

        String paymentId = response.get("payment").get("paymentId").asString();
        assertThat(response.get("payment").get("status").asString()).isEqualTo("OUTCOME_UNKNOWN");
        assertThat(response.get("payment").get("clientSecret").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> paymentOf(bookingId).get("status").asString(), "AWAITING_PAYMENT"::equals);
        assertThat(StripeStandIn.createRequestsWithIdempotencyKey(paymentId)).isEqualTo(2);
        // A retried booking request gets the client secret of that same PaymentIntent.
        JsonNode again = bookRaw(guest, bookingId, 1).expectStatus(201).json();
        assertThat(again.get("payment").get("clientSecret").asString())
                .isEqualTo(StripeStandIn.clientSecretFor(StripeStandIn.intentIdFor(paymentId)));
    }

    @Test
    void aSuccessAfterTheHoldExpiredIsRefundedWhenTheSeatsAreGone() {
        openGathering(1);
        Booked late = book(guest, 1);
        awaitBooking(late.bookingId(), "EXPIRED");
        Session other = api.newUser("Quicker Guest");
        Booked quick = book(other, 1);
        stripe().deliver(StripeEvents.paymentIntentSucceeded(intentId(quick), PRICE, "eur", metadata(quick))).expectStatus(200);
        awaitBooking(quick.bookingId(), "CONFIRMED");

        stripe().deliver(StripeEvents.paymentIntentSucceeded(intentId(late), PRICE, "eur", metadata(late))).expectStatus(200);

        JsonNode payment = await().atMost(Duration.ofSeconds(15)).until(() -> paymentOf(late.bookingId()),
                p -> p.get("refundRequested").get("amount").asLong() == PRICE);
        assertThat(payment.get("status").asString()).isEqualTo("CAPTURED");
        // The seats stay with the quicker guest: the late booking is never confirmed. Its refund goes to Stripe (the
        // refund tests cover that path); once Stripe confirms it, the booking shows REFUNDED.
        assertThat(bookingOf(late.bookingId()).get("status").asString()).isIn("EXPIRED", "REFUNDED");
        awaitAvailableSeats(0);
    }

    @Test
    void whenTheSuccessWebhookIsLostTheExpiringHoldAsksStripeAndKeepsThePayment() {
        Booked booked = book(guest, 1);
        StripeStandIn.stubRetrieve(intentId(booked), "succeeded", PRICE, "eur", metadata(booked));

        awaitBooking(booked.bookingId(), "CONFIRMED");

        assertThat(StripeStandIn.retrieveRequestsFor(intentId(booked))).isPositive();
        assertThat(awaitCaptured(booked.paymentId()).providerEventId()).startsWith("reconciliation:");
    }

    @Test
    void fiveConcurrentCopiesOfEachWebhookChangeNothingTheSecondTime() throws Exception {
        Booked booked = book(guest, 1);
        List<EventPayload> copies = new ArrayList<>();
        EventPayload created = StripeEvents.paymentIntentCreated(intentId(booked), PRICE, "eur", metadata(booked));
        EventPayload succeeded = StripeEvents.paymentIntentSucceeded(intentId(booked), PRICE, "eur", metadata(booked));
        EventPayload failed = StripeEvents.paymentIntentPaymentFailed(intentId(booked), PRICE, "eur", metadata(booked));
        for (int i = 0; i < 5; i++) {
            copies.addAll(List.of(created, succeeded, failed));
        }

        List<Response> answers = stripe().deliverConcurrently(copies);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        assertThat(answers.stream().filter(answer -> !answer.json().get("duplicate").asBoolean())).hasSize(3);
        awaitBooking(booked.bookingId(), "CONFIRMED");
        assertThat(capturedEvents(booked.paymentId())).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from provider_events where event_id in (?, ?, ?)", Integer.class,
                created.id(), succeeded.id(), failed.id())).isEqualTo(3);
    }

    @Test
    void webhooksInAnyOrderEndInTheRightState() {
        Booked booked = book(guest, 1);

        stripe().deliver(StripeEvents.paymentIntentSucceeded(intentId(booked), PRICE, "eur", metadata(booked))).expectStatus(200);
        stripe().deliver(StripeEvents.paymentIntentCreated(intentId(booked), PRICE, "eur", metadata(booked))).expectStatus(200);
        stripe().deliver(StripeEvents.paymentIntentPaymentFailed(intentId(booked), PRICE, "eur", metadata(booked))).expectStatus(200);
        stripe().deliver(StripeEvents.paymentIntentProcessing(intentId(booked), PRICE, "eur", metadata(booked))).expectStatus(200);

        awaitBooking(booked.bookingId(), "CONFIRMED");
        await().atMost(Duration.ofSeconds(10)).until(() -> processed(booked), count -> count == 4);
        assertThat(paymentOf(booked.bookingId()).get("status").asString()).isEqualTo("CAPTURED");
        assertThat(capturedEvents(booked.paymentId())).hasSize(1);
    }

    @Test
    void aTamperedBodyIsRefusedAndNothingIsStored() {
        Booked booked = book(guest, 1);
        EventPayload event = StripeEvents.paymentIntentSucceeded(intentId(booked), PRICE, "eur", metadata(booked));
        String signature = event.signatureHeader();
        String tampered = event.payload().replace("\"amount_received\":" + PRICE, "\"amount_received\":" + 1);
        assertThat(tampered).isNotEqualTo(event.payload());

        Response refused = api.post("/api/webhooks/stripe", null, tampered, Map.of("Stripe-Signature", signature));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("WEBHOOK_SIGNATURE_INVALID");
        assertThat(stored(event.id())).isZero();
        // The bookings read model lags the booking's 201 by a moment: once it shows the booking, its seats are still held.
        awaitBooking(booked.bookingId(), "HELD");
    }

    @Test
    void aStaleOrMissingSignatureIsRefused() {
        EventPayload event = StripeEvents.customerCreated("cus_1", Map.of());
        long tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond();

        Response stale = api.post("/api/webhooks/stripe", null, event.payload(), Map.of("Stripe-Signature", event.signatureHeader(tenMinutesAgo)));
        Response unsigned = api.postRaw("/api/webhooks/stripe", null, event.payload(), "application/json");
        Response wrongSecret = api.post("/api/webhooks/stripe", null, event.payload(), Map.of("Stripe-Signature",
                StripeEvents.signatureHeader(event.payload(), "whsec_someone_else", Instant.now().getEpochSecond())));

        assertThat(List.of(stale.status(), unsigned.status(), wrongSecret.status())).containsOnly(400);
        assertThat(stored(event.id())).isZero();
    }

    @Test
    void unknownEventTypesAreAcknowledgedAndIgnored() {
        EventPayload event = StripeEvents.customerCreated("cus_1", Map.of());

        stripe().deliver(event).expectStatus(200);

        // Stored before the 200; applied right after, off the request thread.
        assertThat(stored(event.id())).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select outcome from provider_events where event_id = ?", String.class, event.id()), o -> o != null && o.startsWith("ignored"));
    }

    /** It may have come before its payment is recorded (the intent is created first): kept for the inbox's retries, not dropped. */
    @Test
    void anEventAboutAPaymentSoireeDoesNotKnowIsKeptForRetries() {
        EventPayload event = StripeEvents.paymentIntentSucceeded("pi_" + UUID.randomUUID().toString().replace("-", ""), PRICE, "eur",
                Map.of("soiree_payment_id", UUID.randomUUID().toString()));

        stripe().deliver(event).expectStatus(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select outcome from provider_events where event_id = ?", String.class, event.id()), o -> o != null && o.startsWith("failed"));
        assertThat(jdbc.queryForObject("select processed_at is null from provider_events where event_id = ?", Boolean.class, event.id()))
                .isTrue();
    }

    @Test
    void theSimulatorsDevelopmentEndpointDoesNotExistWithStripe() {
        Booked booked = book(guest, 1);
        Response absent = api.post("/api/dev/payments/" + booked.paymentId() + "/outcome", guest.accessToken(), Map.of("outcome", "succeeded"));
        assertThat(absent.status()).isEqualTo(404);
    }

    /**
     * Property: whatever order and however many copies of its webhooks arrive, concurrently, a payment is
     * captured exactly once when one of them says it succeeded, its booking is confirmed, and its postings
     * balance. Each round uses a fresh seed, printed on failure so a failing order can be replayed.
     */
    @Test
    void randomInterleavingsOfWebhookDeliveriesCaptureEachPaymentAtMostOnce() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        openGathering(20);
        for (int round = 0; round < 4; round++) {
            List<Booked> bookings = new ArrayList<>();
            List<EventPayload> deliveries = new ArrayList<>();
            for (int b = 0; b < 3; b++) {
                Booked booked = book(api.newUser("Guest " + round + "." + b), 1);
                bookings.add(booked);
                List<EventPayload> kinds = new ArrayList<>(List.of(
                        StripeEvents.paymentIntentCreated(intentId(booked), PRICE, "eur", metadata(booked)),
                        StripeEvents.paymentIntentSucceeded(intentId(booked), PRICE, "eur", metadata(booked)),
                        StripeEvents.paymentIntentProcessing(intentId(booked), PRICE, "eur", metadata(booked))));
                if (random.nextBoolean()) {
                    kinds.add(StripeEvents.paymentIntentPaymentFailed(intentId(booked), PRICE, "eur", metadata(booked)));
                }
                for (EventPayload kind : kinds) {
                    int copies = 1 + random.nextInt(3);
                    for (int c = 0; c < copies; c++) {
                        deliveries.add(kind);
                    }
                }
            }
            Collections.shuffle(deliveries, random);

            assertThat(stripe().deliverConcurrently(deliveries)).as("seed %d", seed).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));

            for (Booked booked : bookings) {
                // A failure delivered before the success releases the seats; the success then restores them.
                awaitBooking(booked.bookingId(), "CONFIRMED");
                List<PaymentCaptured> captures = capturedEvents(booked.paymentId());
                assertThat(captures).as("seed %d, payment %s", seed, booked.paymentId()).hasSize(1);
                Postings.requireBalanced(captures.getFirst().postings());
            }
        }
    }



    private int stored(String eventId) {
        return jdbc.queryForObject("select count(*) from provider_events where event_id = ?", Integer.class, eventId);
    }

    private int processed(Booked booked) {
        return jdbc.queryForObject("select count(*) from provider_events where payload like ? and processed_at is not null",
                Integer.class, "%" + intentId(booked) + "%");
    }
}
