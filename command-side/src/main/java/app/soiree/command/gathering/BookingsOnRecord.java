package app.soiree.command.gathering;

import app.soiree.api.gathering.BookingId;

/**
 * Whether a booking id already belongs to a booking (or has been claimed for one). {@link HoldBatches} asks before it
 * answers a hold {@code SOLD_OUT} for the holds ahead of it: a booking on record may hold seats already (a retry whose
 * answer was lost, a waitlist offer), which only its gathering can tell. The booking context keeps the record.
 */
public interface BookingsOnRecord {

    boolean has(BookingId bookingId);
}
