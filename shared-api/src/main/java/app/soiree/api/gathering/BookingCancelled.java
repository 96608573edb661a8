package app.soiree.api.gathering;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A booking's seats were given back, by its guest or because the gathering was cancelled
 * ({@code gatheringCancelled}: then the gathering's cancellation sees to the refund).
 * {@code refundDue} is what the refund policy grants (zero for holds and free seats). {@code requestId} is the guest's
 * cancel request ({@link CancelBooking#requestId()}), null when the gathering's cancellation gave the seats back (and in
 * events stored before it was kept).
 */
public record BookingCancelled(GatheringId gatheringId, BookingId bookingId, TierId tierId, UserId guestId, int quantity,
                               boolean wasConfirmed, Money refundDue, Instant cancelledAt, boolean gatheringCancelled,
                               @Nullable UUID requestId) {
}
