package app.soiree.command.booking;

import app.soiree.api.gathering.SeatsHeld;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Records each new booking in the same transaction as the event that created it (a subscribing
 * processor), so a booking can be cancelled the moment its creation was answered.
 */
@Component
@ProcessingGroup(BookingLookupUpdater.PROCESSING_GROUP)
class BookingLookupUpdater {

    static final String PROCESSING_GROUP = "booking-lookup";

    private final BookingLookupRepository lookups;

    BookingLookupUpdater(BookingLookupRepository lookups) {
        this.lookups = lookups;
    }

    @EventHandler
    void on(SeatsHeld event) {
        lookups.save(new BookingLookup(event.bookingId().value(), event.gatheringId().value(), event.guestId().value()));
    }
}
