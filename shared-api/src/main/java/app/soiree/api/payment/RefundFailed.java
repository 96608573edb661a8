package app.soiree.api.payment;

import app.soiree.api.Money;
import app.soiree.api.booking.BookingId;
import app.soiree.api.gathering.GatheringId;
import java.time.Instant;

/** The provider refused a refund before it moved any money; its amount may be refunded again. */
public record RefundFailed(PaymentId paymentId, RefundId refundId, BookingId bookingId, GatheringId gatheringId, Money amount,
                           String reason, String providerEventId, Instant failedAt) {
}
