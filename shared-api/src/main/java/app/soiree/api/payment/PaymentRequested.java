package app.soiree.api.payment;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.time.Instant;

public record PaymentRequested(PaymentId paymentId, BookingId bookingId, GatheringId gatheringId, UserId hostId, UserId guestId,
                               Money amount, String provider, Instant requestedAt) {
}
