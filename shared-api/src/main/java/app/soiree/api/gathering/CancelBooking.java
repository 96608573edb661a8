package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * A guest gives back their seats. {@code requestId} names the request (see {@link #byRequest}): the same request carried
 * out again, after its first answer was lost, is answered as it was the first time instead of as a booking no longer active.
 */
public record CancelBooking(@TargetAggregateIdentifier GatheringId gatheringId, BookingId bookingId, UserId requestedBy,
                            @Nullable UUID requestId) {

    /**
     * The cancel request a guest sends under an {@code Idempotency-Key}: its id follows from the booking, the guest and the
     * key, so a retry whose first answer never came (a crash, a 5xx, which is not remembered) is known for the same request.
     */
    public static CancelBooking byRequest(GatheringId gatheringId, BookingId bookingId, UserId guestId, String idempotencyKey) {
        UUID requestId = UUID.nameUUIDFromBytes(("cancel:" + bookingId + ":" + guestId + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        return new CancelBooking(gatheringId, bookingId, guestId, requestId);
    }
}
