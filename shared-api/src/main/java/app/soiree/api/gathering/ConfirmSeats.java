package app.soiree.api.gathering;

import app.soiree.api.booking.BookingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Converts a hold into a confirmed booking (sent once its payment succeeded). */
public record ConfirmSeats(@TargetAggregateIdentifier GatheringId gatheringId, BookingId bookingId) {
}
