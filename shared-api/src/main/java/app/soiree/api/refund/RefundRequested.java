package app.soiree.api.refund;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.payment.PaymentId;
import java.time.Instant;

/**
 * A refund is owed to the guest and is to be asked of the provider. It moves no money yet: the
 * postings come when the provider confirms the refund ({@link PaymentRefunded}). {@code paymentReference}
 * is what the provider calls the payment (the Stripe PaymentIntent), which the refund is made against.
 */
public record RefundRequested(PaymentId paymentId, RefundId refundId, BookingId bookingId, GatheringId gatheringId, UserId hostId,
                              UserId guestId, Money amount, String reason, String paymentReference, Instant requestedAt) {
}
