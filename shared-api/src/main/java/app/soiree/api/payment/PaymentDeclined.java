package app.soiree.api.payment;

import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import java.time.Instant;

public record PaymentDeclined(PaymentId paymentId, BookingId bookingId, GatheringId gatheringId, String reason,
                              String providerEventId, Instant declinedAt) {
}
