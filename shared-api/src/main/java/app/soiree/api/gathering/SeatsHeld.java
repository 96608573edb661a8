package app.soiree.api.gathering;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Seats are set aside for a booking. For a paid tier they are held until {@code holdExpiresAt}; a free
 * tier's seats are confirmed in the same moment ({@link SeatsConfirmed} follows, {@code holdExpiresAt} is null).
 */
public record SeatsHeld(GatheringId gatheringId, UserId hostId, BookingId bookingId, TierId tierId, UserId guestId, int quantity,
                        Money amount, @Nullable Instant holdExpiresAt, boolean fromWaitlist, Instant heldAt) {
}
