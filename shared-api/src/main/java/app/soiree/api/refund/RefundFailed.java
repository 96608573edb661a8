package app.soiree.api.refund;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.payment.PaymentId;
import java.time.Instant;

/** The provider refused a refund before it moved any money; its amount may be refunded again. */
public record RefundFailed(PaymentId paymentId, RefundId refundId, BookingId bookingId, GatheringId gatheringId, Money amount,
                           String reason, String providerEventId, Instant failedAt) {
}
