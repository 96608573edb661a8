package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Books seats of one tier: free tiers are confirmed at once, paid tiers are held until paid or expired. */
public record HoldSeats(@TargetAggregateIdentifier GatheringId gatheringId, BookingId bookingId, TierId tierId, UserId guestId,
                        int quantity) {
}
