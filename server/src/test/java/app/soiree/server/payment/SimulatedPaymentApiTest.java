package app.soiree.server.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.command.HoldsBeingAnswered;
import app.soiree.command.provider.ProviderInbox;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.RefusingTrigger;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What only the simulator has: its development endpoint for payment outcomes, who may use it, and its label in the
 * API document. The paid-booking scenarios it shares with Stripe are in {@link PaymentContract}.
 */
@IntegrationTest
class SimulatedPaymentApiTest extends PaymentFixture {

    @Autowired
    ProviderInbox inbox;

    @Autowired
    HoldsBeingAnswered holds;

    @Test
    void onlyThePayingGuestAndStaffMaySetAnOutcome() {
        String paymentId = book(guest, 1).paymentId();
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

    /**
     * The inbox's poll applies each stored event on its own: one that keeps failing (here a payload nothing can read,
     * stored first) does not hold up one stored after it, whose first attempt was lost (stored here without one). The
     * poll used to stop at the first failure, so everything after it waited until it was parked, ten polls later.
     */
    @Test
    void anEventThatKeepsFailingDoesNotHoldUpTheOnesStoredAfterIt() {
        String failing = "sim_evt_unreadable_" + UUID.randomUUID();
        String after = "sim_evt_after_" + UUID.randomUUID();
        try {
            jdbc.update("""
                    insert into provider_events (provider, event_id, event_type, payload, received_at)
                    values ('simulated', ?, 'payment.succeeded', '{}', now() - interval '1 minute')""", failing);
            jdbc.update("""
                    insert into provider_events (provider, event_id, event_type, payload, received_at)
                    values ('simulated', ?, 'simulated.nothing_soiree_knows', '{}', now())""", after);

            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "select outcome from provider_events where event_id = ?", String.class, after), outcome -> outcome != null);
            assertThat(jdbc.queryForObject("select outcome from provider_events where event_id = ?", String.class, after))
                    .startsWith("ignored");
            assertThat(jdbc.queryForMap("select processed_at, attempts from provider_events where event_id = ?", failing))
                    .containsEntry("processed_at", null).extractingByKey("attempts").isNotEqualTo(0);
        } finally {
            jdbc.update("delete from provider_events where event_id in (?, ?)", failing, after);
        }
    }

    /**
     * A stored event is applied and marked as applied in one transaction: when the mark cannot be written (a trigger
     * refuses it for this payment's events), the capture rolls back with it, and the event is applied, once, when the
     * inbox's poll comes back to it. Applied in transactions of their own, the capture stayed while its event was
     * left unmarked, to be applied again.
     */
    @Test
    void anEventAndItsMarkAsAppliedCommitTogether() {
        String paymentId = book(guest, 1).paymentId();
        String eventId;
        try (RefusingTrigger ignored = RefusingTrigger.onProviderEvents(jdbc, "update",
                "new.processed_at is not null and new.payload like '%" + paymentId + "%'")) {
            eventId = api.post("/api/dev/payments/" + paymentId + "/outcome", guest.accessToken(), Map.of("outcome", "succeeded"))
                    .expectStatus(202).json().get("eventId").asString();
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "select outcome from provider_events where event_id = ?", String.class, eventId), outcome -> outcome != null);
            assertThat(jdbc.queryForObject("select outcome from provider_events where event_id = ?", String.class, eventId))
                    .startsWith("failed").contains("refused for this test");
            assertThat(capturedEvents(paymentId)).isEmpty();
        }

        inbox.processPending(); // unless the poll, every five seconds, is there first
        awaitCaptured(paymentId);
        assertThat(capturedEvents(paymentId)).hasSize(1);
        assertThat(jdbc.queryForObject("select processed_at is not null from provider_events where event_id = ?", Boolean.class, eventId))
                .isTrue();
    }

    @Test
    void anOutcomeAndTheEventThatReportsItCommitTogether() {
        String paymentId = book(guest, 1).paymentId();
        try (RefusingTrigger ignored = RefusingTrigger.onProviderEvents(jdbc, "insert", "new.payload like '%" + paymentId + "%'")) {
            Response refused = api.post("/api/dev/payments/" + paymentId + "/outcome", guest.accessToken(), Map.of("outcome", "succeeded"));
            assertThat(refused.status()).isEqualTo(500);
            // The intent did not succeed without its event: nothing would ever have captured it.
            assertThat(jdbc.queryForObject("select status from simulated_payment_intents where payment_id = ?::uuid", String.class, paymentId))
                    .isEqualTo("REQUIRES_PAYMENT");
        }

        api.post("/api/dev/payments/" + paymentId + "/outcome", guest.accessToken(), Map.of("outcome", "succeeded")).expectStatus(202);
        awaitCaptured(paymentId);
        assertThat(capturedEvents(paymentId)).hasSize(1);
    }

    /**
     * In a rush the guests still waiting for a hold are answered first: a capture waits while a booking request is being
     * answered (here one held open), though no longer than {@code soiree.events.settlement-max-lag} (1 s) after its event
     * was stored. A booking request counts only until it is answered.
     */
    @Test
    void aCaptureWaitsForTheHoldsBeingAnsweredAtMostTheSettlementLag() throws InterruptedException {
        String paymentId = book(guest, 1).paymentId();
        assertThat(holds.awaitNone(Duration.ZERO)).as("the booking's request no longer counts once answered").isTrue();

        try (HoldsBeingAnswered.Answering answering = holds.answering()) {
            long stored = System.nanoTime();
            api.post("/api/dev/payments/" + paymentId + "/outcome", guest.accessToken(), Map.of("outcome", "succeeded")).expectStatus(202);
            Thread.sleep(300);
            assertThat(capturedEvents(paymentId)).as("waits while a hold is being answered").isEmpty();

            awaitCaptured(paymentId);
            assertThat(holds.awaitNone(Duration.ZERO)).as("captured while the hold is still being answered").isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - stored)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        }
    }

    @Test
    void aSucceededPaymentCannotFailAfterwards() {
        String paymentId = book(guest, 1).paymentId();
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
}
