package app.soiree.api.booking;

import app.soiree.api.gathering.BookingId;
import app.soiree.api.identity.UserId;

/** Answered with a {@link BookingView} when the requester is its guest or the gathering's host, else null. */
public record FindBooking(BookingId bookingId, UserId requestedBy) {
}
