package app.soiree.command.booking;

import app.soiree.api.gathering.SeatsHeld;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Records each new booking in the same transaction as the event that created it (a subscribing
 * processor whose failure fails the command, see {@link BookingConfiguration}), so a booking can be
 * cancelled the moment its creation was answered, and a booking id already bound to another guest or
 * gathering rolls the new seats back instead of taking the booking over.
 */
@Component
@ProcessingGroup(BookingLookupUpdater.PROCESSING_GROUP)
class BookingLookupUpdater {

    static final String PROCESSING_GROUP = "booking-lookup";

    private final BookingIds bookingIds;

    BookingLookupUpdater(BookingIds bookingIds) {
        this.bookingIds = bookingIds;
    }

    @EventHandler
    void on(SeatsHeld event) {
        bookingIds.record(event.bookingId(), event.gatheringId(), event.guestId());
    }
}
