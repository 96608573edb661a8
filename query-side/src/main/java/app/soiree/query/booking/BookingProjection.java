package app.soiree.query.booking;

import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.BookingStatus;
import app.soiree.api.gathering.GatheringCancelled;
import app.soiree.api.gathering.GuestCheckedIn;
import app.soiree.api.gathering.HoldExpired;
import app.soiree.api.gathering.SeatsConfirmed;
import app.soiree.api.gathering.SeatsHeld;
import app.soiree.query.gathering.TierSeats;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code bookings} in step with the seat events of gatherings and moves the tiers' seat counts
 * with them, by statement ({@link BookingRows}, {@link TierSeats}). Seats move only when a booking's
 * status really changes, so an event delivered twice counts once.
 */
@Component
@ProcessingGroup(TierSeats.PROCESSING_GROUP)
class BookingProjection {

    private final BookingRows bookings;
    private final TierSeats seats;

    BookingProjection(BookingRows bookings, TierSeats seats) {
        this.bookings = bookings;
        this.seats = seats;
    }

    @EventHandler
    void on(SeatsHeld event) {
        if (bookings.insertHeld(event)) {
            seats.move(event.gatheringId(), event.tierId(), event.quantity(), null, BookingStatus.HELD);
        }
    }

    @EventHandler
    void on(SeatsConfirmed event) {
        moveTo(event.bookingId(), BookingStatus.CONFIRMED);
    }

    @EventHandler
    void on(HoldExpired event) {
        moveTo(event.bookingId(), BookingStatus.EXPIRED);
    }

    /** The booking's own status, not {@code wasConfirmed}, says which count to release: it is what was counted. */
    @EventHandler
    void on(BookingCancelled event) {
        moveTo(event.bookingId(), BookingStatus.CANCELLED);
    }

    /** Cancelling the gathering gives back every active booking's seats, whether or not each booking's own event follows. */
    @EventHandler
    void on(GatheringCancelled event) {
        event.activeBookings().forEach(bookingId -> moveTo(bookingId, BookingStatus.CANCELLED));
    }

    @EventHandler
    void on(GuestCheckedIn event) {
        bookings.checkIn(event.bookingId());
    }

    private void moveTo(BookingId bookingId, BookingStatus next) {
        BookingSeats booking = bookings.require(bookingId, "a seat event");
        BookingSeats moved = booking.movedTo(next);
        if (moved != null) {
            bookings.update(moved);
            seats.move(booking.gatheringId(), booking.tierId(), booking.quantity(), booking.status(), next);
        }
    }
}
