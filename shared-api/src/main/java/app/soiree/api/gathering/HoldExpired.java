package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import java.time.Instant;

/** A hold was not confirmed in time; its seats are available again. */
public record HoldExpired(GatheringId gatheringId, BookingId bookingId, TierId tierId, UserId guestId, int quantity, Instant expiredAt) {
}
