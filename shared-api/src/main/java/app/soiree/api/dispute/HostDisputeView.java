package app.soiree.api.dispute;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import java.time.Instant;

/** A dispute as its host sees it: which booking, how much is held, and until when evidence may be given. */
public record HostDisputeView(DisputeId disputeId, BookingId bookingId, Money amount, DisputeStatus status, Instant evidenceDueBy) {
}
