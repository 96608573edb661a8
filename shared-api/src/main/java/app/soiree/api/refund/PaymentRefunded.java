package app.soiree.api.refund;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.HostEarningsEvent;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payment.PaymentId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The provider confirmed a refund of {@code amount} (R) to the guest. Out of a capture C whose host net
 * was N: {@code credit platform:stripe R}, {@code debit host:{id}:pending hostShare},
 * {@code debit platform:fees R - hostShare}, where the host's share is what brings everything refunded
 * so far to round(refunded·N/C), so that refunds adding up to C take exactly N from the host. The
 * provider's own fee is not returned by the provider and stays a cost.
 */
public record PaymentRefunded(PaymentId paymentId, RefundId refundId, BookingId bookingId, GatheringId gatheringId, UserId hostId,
                              UserId guestId, Money amount, Money hostShare, List<Posting> postings,
                              @Nullable String providerReference, String providerEventId, Instant refundedAt)
        implements HostEarningsEvent {

    @Override
    public String reference() {
        return "refund:" + refundId;
    }
}
