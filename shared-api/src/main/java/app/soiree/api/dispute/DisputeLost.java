package app.soiree.api.dispute;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.LedgerEvent;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payment.PaymentId;
import java.time.Instant;
import java.util.List;

/**
 * The provider decided for the cardholder; the withdrawn funds are gone: {@code credit platform:disputes A+D},
 * the host's share leaves {@code host:{id}:dispute-hold}, and what the host does not bear is the platform's loss.
 */
public record DisputeLost(PaymentId paymentId, DisputeId disputeId, BookingId bookingId, GatheringId gatheringId, UserId hostId,
                          Money amount, Money fee, Money hostShare, List<Posting> postings, String providerEventId,
                          Instant lostAt) implements LedgerEvent {

    @Override
    public String reference() {
        return "dispute:" + disputeId;
    }
}
