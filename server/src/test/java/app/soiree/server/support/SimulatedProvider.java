package app.soiree.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.payment.PaymentCaptured;
import app.soiree.server.support.Api.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The embedded simulated provider, driven through its development endpoints as staff and tests do. It keeps no log of
 * what it was asked, so the {@code verify…} methods about requests check nothing.
 */
public final class SimulatedProvider implements ProviderDriver {

    private final Api api;

    public SimulatedProvider(Api api) {
        this.api = api;
    }

    @Override
    public String name() {
        return "simulated";
    }

    private void paymentOutcome(Session actor, Booked booked, Map<String, Object> outcome) {
        api.post("/api/dev/payments/" + booked.paymentId() + "/outcome", actor.accessToken(), outcome).expectStatus(202);
    }

    @Override
    public void pay(Session actor, Booked booked) {
        paymentOutcome(actor, booked, Map.of("outcome", "succeeded"));
    }

    @Override
    public void decline(Session actor, Booked booked) {
        paymentOutcome(actor, booked, Map.of("outcome", "failed"));
    }

    @Override
    public void letExpire(Session actor, Booked booked) {
        decline(actor, booked);
    }

    @Override
    public void verifyClientSecret(Booked booked, String clientSecret) {
        assertThat(clientSecret).startsWith("sim_pi_");
    }

    @Override
    public void verifyPaymentCreated(Booked booked) {
    }

    @Override
    public void verifyCaptured(PaymentCaptured captured) {
    }

    @Override
    public void refuseRefund(Session actor, Booked booked, String refundId) {
        // Decided before the refund reaches the simulator, as a card that can no longer take refunds would.
        api.post("/api/dev/refunds/" + refundId + "/outcome", actor.accessToken(), Map.of("outcome", "failed")).expectStatus(202);
    }

    @Override
    public String refundRefusal() {
        return "simulated";
    }

    @Override
    public void reverseRefund(Session actor, Booked booked, String refundId) {
        api.post("/api/dev/refunds/" + refundId + "/outcome", actor.accessToken(), Map.of("outcome", "failed")).expectStatus(202);
    }

    @Override
    public void verifyRefundsAsked(Booked booked, List<String> refundIds, List<Long> amounts) {
    }

    @Override
    public void dispute(Session actor, Booked booked, long amount, String reason) {
        paymentOutcome(actor, booked, Map.of("outcome", "disputed", "amount", amount, "reason", reason));
    }

    @Override
    public void decideDispute(Session actor, Booked booked, boolean won) {
        paymentOutcome(actor, booked, Map.of("outcome", won ? "dispute_won" : "dispute_lost"));
    }

    @Override
    public boolean decidesAcceptedDisputesAtOnce() {
        return true;
    }

    @Override
    public void verifyDisputeOpened(Booked booked, JsonNode dispute) {
        assertThat(Instant.parse(dispute.get("evidenceDueBy").asString())).isAfter(Instant.now().plus(Duration.ofDays(6)));
    }

    @Override
    public void verifyDisputeConceded(Booked booked) {
    }

    @Override
    public void awaitDisputeReportsApplied(Booked booked) {
    }

    @Override
    public void verifyOnboardingUrl(Session host, String onboardingUrl) {
        assertThat(onboardingUrl).contains("simulated=enabled");
    }

    @Override
    public void enablePayoutAccount(Session host) {
    }

    @Override
    public void refuseTransfers(Session host) {
        api.post("/api/dev/payout-account/transfer-outcome", host.accessToken(), Map.of("outcome", "failed")).expectStatus(202);
    }

    @Override
    public String transferRefusal() {
        return "refused by the simulated provider";
    }

    @Override
    public void reverseTransfer(Session actor, Session host, String payoutId, long amount) {
        api.post("/api/dev/payouts/" + payoutId + "/outcome", actor.accessToken(), Map.of("outcome", "reversed")).expectStatus(202);
    }

    @Override
    public void verifyTransferReference(String payoutId, String transferReference) {
        assertThat(transferReference).startsWith("sim_tr_");
    }

    @Override
    public void verifyTransfersAsked(Session host, List<String> payoutIds, List<Long> amounts) {
    }
}
