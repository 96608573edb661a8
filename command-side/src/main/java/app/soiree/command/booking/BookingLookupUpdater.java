package app.soiree.command.booking;

import app.soiree.api.gathering.SeatsHeld;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Records each new booking in the same transaction as the event that created it (a subscribing
 * processor whose failure fails the command, see {@link BookingConfiguration}), so a booking can be
 * cancelled the moment its creation was answered, and a booking id already bound to another guest or
 * gathering rolls the new seats back instead of taking the booking over.
 * <p>
 * The bookings of the events handed over together (a batch of holds' events, as its command commits) are recorded
 * together, in one statement, when that unit of work prepares its commit: this runs inside the gathering's serial
 * section, where each round trip to PostgreSQL is one every hold of the gathering waits for.
 */
@Component
@ProcessingGroup(BookingLookupUpdater.PROCESSING_GROUP)
class BookingLookupUpdater {

    static final String PROCESSING_GROUP = "booking-lookup";
    private static final String PENDING = BookingLookupUpdater.class.getName() + ".pending";

    private final BookingIds bookingIds;

    BookingLookupUpdater(BookingIds bookingIds) {
        this.bookingIds = bookingIds;
    }

    @EventHandler
    void on(SeatsHeld event) {
        BookingIds.Binding binding = new BookingIds.Binding(event.bookingId(), event.gatheringId(), event.guestId());
        if (!CurrentUnitOfWork.isStarted()) {
            bookingIds.recordAll(List.of(binding));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        unitOfWork.getOrComputeResource(PENDING, key -> {
            List<BookingIds.Binding> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(committing -> bookingIds.recordAll(pending));
            return pending;
        }).add(binding);
    }
}
