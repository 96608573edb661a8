package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CheckInGuest(@TargetAggregateIdentifier GatheringId gatheringId, BookingId bookingId, UserId requestedBy) {
}
