package app.soiree.api.booking;

import app.soiree.api.gathering.BookingId;
/**
 * Any booking, for support and finance staff (unlike {@link FindBooking}, which shows a booking only
 * to its guest and host). Answered with a {@link BookingView}, or null when there is none.
 */
public record FindBookingForStaff(BookingId bookingId) {
}
