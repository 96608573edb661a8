package app.soiree.api.dispute;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.payment.PaymentId;
import java.time.Instant;

/** A dispute waits for support's evidence until {@code evidenceDueBy}. Moves no money: {@link PaymentDisputed} did. */
public record DisputeOpened(DisputeId disputeId, PaymentId paymentId, BookingId bookingId, GatheringId gatheringId, UserId hostId,
                            UserId guestId, String provider, String providerDisputeId, Money amount, Money fee, Money hostShare,
                            String reason, Instant evidenceDueBy, Instant openedAt) {
}
