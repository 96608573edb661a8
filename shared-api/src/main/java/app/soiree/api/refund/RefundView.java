package app.soiree.api.refund;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.payment.PaymentId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One refund as staff see it. {@code requestedBy} is who asked for it (a user id, {@code system}, or
 * {@code provider:…}); it is left out where guests and hosts read their payment.
 */
public record RefundView(RefundId refundId, PaymentId paymentId, BookingId bookingId, Money amount, RefundStatus status, String reason,
                         @Nullable String requestedBy, Instant requestedAt, Instant updatedAt, @Nullable String providerReference,
                         @Nullable String failureReason) {

    public RefundView withoutRequester() {
        return new RefundView(refundId, paymentId, bookingId, amount, status, reason, null, requestedAt, updatedAt, providerReference,
                failureReason);
    }
}
