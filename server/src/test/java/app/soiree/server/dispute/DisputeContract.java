package app.soiree.server.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.dispute.DisputeWon;
import app.soiree.server.support.Booked;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Disputes, said once for every provider: a dispute holds its amount from the host's wallet, a won one gives it back,
 * one support accepts is lost when the provider confirms it, a partial one holds only its part. Every test ends with
 * a balanced ledger and a wallet that agrees with the journal.
 */
abstract class DisputeContract extends DisputeFixture {

    @Test
    void aDisputeHoldsTheAmountAndAWonDisputeGivesItBack() {
        Booked paid = paidBooking();
        dispute(paid);

        String disputeId = awaitHostDispute().get("disputeId").asString();
        awaitWallet(Map.of("EUR:pending", NET - PRICE, "EUR:disputeHold", PRICE));
        JsonNode dispute = awaitDispute(disputeId, "NEEDS_RESPONSE");
        assertThat(dispute.get("bookingId").asString()).isEqualTo(paid.bookingId());
        assertThat(dispute.get("paymentId").asString()).isEqualTo(paid.paymentId());
        assertThat(dispute.get("amount").get("amount").asLong()).isEqualTo(PRICE);
        assertThat(dispute.get("fee").get("amount").asLong()).isEqualTo(DISPUTE_FEE);
        assertThat(dispute.get("hostShare").get("amount").asLong()).isEqualTo(PRICE);
        assertThat(dispute.get("guest").get("userId").asString()).isEqualTo(guest.userId());
        assertThat(dispute.get("host").get("userId").asString()).isEqualTo(host.userId());
        assertThat(dispute.get("host").get("displayName").asString()).isEqualTo("Disputed Host");
        assertThat(dispute.get("payment").get("status").asString()).isEqualTo("CAPTURED");
        assertThat(dispute.get("provider").asString()).isEqualTo(provider.name());
        assertThat(dispute.get("reason").asString()).isEqualTo("fraudulent");
        provider.verifyDisputeOpened(paid, dispute);
        assertThat(whats(dispute)).contains("PaymentDisputed", "DisputeOpened");

        decide(paid, true);

        awaitDispute(disputeId, "WON");
        awaitWallet(Map.of("EUR:pending", NET));
        assertThat(awaitHostDispute().get("status").asString()).isEqualTo("WON");
        assertThat(lossesFor(disputeId)).isZero();
        provider.awaitDisputeReportsApplied(paid);
        assertThat(count(paid.paymentId(), DisputeWon.class)).isEqualTo(1);
    }

    @Test
    void acceptingTheDisputeBooksTheLossWhenTheProviderConfirmsIt() {
        Booked paid = paidBooking();
        dispute(paid);
        String disputeId = awaitHostDispute().get("disputeId").asString();
        awaitDispute(disputeId, "NEEDS_RESPONSE");

        JsonNode accepted = api.post(staff(disputeId) + "/accept", support.accessToken(), null).expectStatus(200).json();
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        provider.verifyDisputeConceded(paid);
        if (!provider.decidesAcceptedDisputesAtOnce()) {
            assertThat(awaitDispute(disputeId, "ACCEPTED").get("acceptedBy").asString()).isEqualTo(support.userId());
            // still held: the loss is booked when the provider says the dispute is lost
            awaitWallet(Map.of("EUR:pending", NET - PRICE, "EUR:disputeHold", PRICE));
            decide(paid, false);
        }

        JsonNode lost = awaitDispute(disputeId, "LOST");
        assertThat(lost.get("acceptedBy").asString()).isEqualTo(support.userId());
        // The payment's DisputeLost and the Dispute's own DisputeClosed reach the timeline by different processors.
        await().atMost(WAIT).untilAsserted(() -> assertThat(whats(awaitDispute(disputeId, "LOST")))
                .containsSubsequence("DisputeAccepted", "DisputeLost", "DisputeClosed"));
        awaitWallet(Map.of("EUR:pending", NET - PRICE));
        await().atMost(WAIT).until(() -> lossesFor(disputeId), loss -> loss == DISPUTE_FEE);
        JsonNode audit = api.get("/api/staff/audit/Dispute/" + disputeId, support.accessToken()).expectStatus(200).json();
        JsonNode acceptedEvent = find(audit.get("events"), "DisputeAccepted");
        assertThat(acceptedEvent.get("actor").asString()).isEqualTo(support.userId());
    }

    @Test
    void aPartialDisputeHoldsOnlyItsAmount() {
        Booked paid = paidBooking();
        provider.dispute(support, paid, 1000, "product_not_received");

        String disputeId = awaitHostDispute().get("disputeId").asString();
        awaitWallet(Map.of("EUR:pending", NET - 1000, "EUR:disputeHold", 1000L));
        assertThat(awaitDispute(disputeId, "NEEDS_RESPONSE").get("reason").asString()).isEqualTo("product_not_received");
        decide(paid, true);
        awaitWallet(Map.of("EUR:pending", NET));
    }
}
