package app.soiree.api.gathering;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import java.time.Instant;

public record SeatsConfirmed(GatheringId gatheringId, BookingId bookingId, TierId tierId, UserId guestId, int quantity, Money amount,
                             Instant confirmedAt) {
}
