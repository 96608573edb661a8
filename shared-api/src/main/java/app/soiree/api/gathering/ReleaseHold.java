package app.soiree.api.gathering;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a hold before its time because its payment failed; the seats are available again. A no-op once the hold resolved. */
public record ReleaseHold(@TargetAggregateIdentifier GatheringId gatheringId, BookingId bookingId) {
}
