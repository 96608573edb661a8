package app.soiree.command.limits;

import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.gathering.HoldExpired;
import app.soiree.api.gathering.SeatsConfirmed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Gives a hold's place back the moment it resolves, in the same transaction as the event (a
 * subscribing processor): a guest who pays, or abandons the payment (declined, cancelled by the
 * guest, or expired), can hold seats again at once.
 */
@Component
@ProcessingGroup(UnpaidHoldsUpdater.PROCESSING_GROUP)
class UnpaidHoldsUpdater {

    static final String PROCESSING_GROUP = "unpaid-holds";

    private final UnpaidHolds unpaidHolds;

    UnpaidHoldsUpdater(UnpaidHolds unpaidHolds) {
        this.unpaidHolds = unpaidHolds;
    }

    @EventHandler
    void on(SeatsConfirmed event) {
        unpaidHolds.giveBack(event.bookingId());
    }

    @EventHandler
    void on(HoldExpired event) {
        unpaidHolds.giveBack(event.bookingId());
    }

    @EventHandler
    void on(BookingCancelled event) {
        unpaidHolds.giveBack(event.bookingId());
    }
}
