package app.soiree.api.dispute;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.identity.UserId;
import app.soiree.api.payment.PaymentId;
import java.time.Instant;

/** A dispute in support's queue. {@code overdue}: its evidence due date passed with nothing submitted. */
public record DisputeSummary(DisputeId disputeId, PaymentId paymentId, BookingId bookingId, UserId hostId, UserId guestId,
                             Money amount, DisputeStatus status, ProviderDisputeStatus providerStatus, String reason,
                             Instant evidenceDueBy, boolean overdue, Instant openedAt) {
}
