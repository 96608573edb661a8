package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A guest gives back their seats. */
public record CancelBooking(@TargetAggregateIdentifier GatheringId gatheringId, BookingId bookingId, UserId requestedBy) {
}
