package app.soiree.api.gathering;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What {@link HoldSeats} answers: the booking's state right after it, HELD (paid tiers) or CONFIRMED (free tiers). */
public record SeatsReservation(BookingId bookingId, UserId hostId, BookingStatus status, Money amount, @Nullable Instant holdExpiresAt)
        implements HoldOutcome {
}
