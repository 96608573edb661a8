package app.soiree.api.gathering;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Converts a hold into a confirmed booking once its payment succeeded. A payment that succeeded after
 * the hold expired is honoured if the seats are still free; otherwise the answer is
 * {@link SeatsConfirmation#NOT_PLACED} and the money goes back.
 */
public record ConfirmSeats(@TargetAggregateIdentifier GatheringId gatheringId, BookingId bookingId) {
}
