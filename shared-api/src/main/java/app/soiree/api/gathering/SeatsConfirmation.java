package app.soiree.api.gathering;

/** What {@link ConfirmSeats} answers. */
public enum SeatsConfirmation {
    /** The booking's seats are confirmed: from its hold, or restored after the hold expired. */
    CONFIRMED,
    /** The seats are gone (taken by others, the gathering cancelled or started, the booking cancelled): refund the payment. */
    NOT_PLACED
}
