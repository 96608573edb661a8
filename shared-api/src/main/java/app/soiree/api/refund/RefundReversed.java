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

/**
 * A refund that had succeeded failed afterwards (the guest's bank sent it back: Stripe moves a
 * succeeded refund to failed): the money is at the provider again. The opposite of its
 * {@link PaymentRefunded}: {@code debit platform:stripe R}, {@code credit host:{id}:pending hostShare},
 * {@code credit platform:fees R - hostShare}, where the host's share given back leaves the share of the
 * refunds still standing at round(refunded·N/C) (for the refund booked last, exactly what it took).
 * The guest has not been paid back; staff follow up.
 */
public record RefundReversed(PaymentId paymentId, RefundId refundId, BookingId bookingId, GatheringId gatheringId, UserId hostId,
                             UserId guestId, Money amount, Money hostShare, List<Posting> postings, String reason,
                             String providerEventId, Instant reversedAt) implements HostEarningsEvent {

    @Override
    public String reference() {
        return "refund:" + refundId;
    }
}
