package app.soiree.api.dispute;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.HostEarningsEvent;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payment.PaymentId;
import java.time.Instant;
import java.util.List;

/**
 * The provider decided for the platform and reinstated the funds: the opening postings reversed, so the host's
 * share leaves {@code host:{id}:dispute-hold} for {@code host:{id}:pending} again.
 */
public record DisputeWon(PaymentId paymentId, DisputeId disputeId, BookingId bookingId, GatheringId gatheringId, UserId hostId,
                         Money amount, Money fee, Money hostShare, List<Posting> postings, String providerEventId,
                         Instant wonAt) implements HostEarningsEvent {

    @Override
    public String reference() {
        return "dispute:" + disputeId;
    }
}
