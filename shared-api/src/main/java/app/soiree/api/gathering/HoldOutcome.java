package app.soiree.api.gathering;

/** What {@link HoldSeats} answers: the seats were reserved, or the tier had too few left. */
public sealed interface HoldOutcome permits SeatsReservation, SoldOut {
}
