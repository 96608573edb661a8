package app.soiree.api.refund;

import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.payment.PaymentId;
import java.time.Instant;

/**
 * A cancellation asked to refund what was left of a payment, and nothing was: staff had refunded it
 * all already. Recorded so that whoever waits for that refund (a gathering's cancellation) knows it is settled.
 */
public record RefundNotNeeded(PaymentId paymentId, RefundId refundId, BookingId bookingId, GatheringId gatheringId, String reason,
                              Instant at) {
}
