package app.soiree.query.refund;

import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.gathering.GatheringCancelled;
import app.soiree.api.refund.PaymentRefunded;
import app.soiree.api.refund.RefundFailed;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundNotNeeded;
import app.soiree.api.refund.RefundRequested;
import app.soiree.api.refund.RefundReversed;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The refund progress of cancelled gatherings: each booking the cancellation owes money gets a row
 * (keyed by the refund id that booking's refund is recorded under), moved on as its refund is requested
 * and settled. In the same processor as {@link RefundProjection}, so it sees a gathering's cancellation
 * before the refunds it caused. Statuses only move forward, so redelivered events change nothing.
 */
@Component
@ProcessingGroup(RefundProjection.PROCESSING_GROUP)
class GatheringCancellationProjection {

    static final String DUE = "DUE";
    static final String REQUESTED = "REQUESTED";
    static final String SUCCEEDED = "SUCCEEDED";
    static final String NOT_NEEDED = "NOT_NEEDED";
    static final String FAILED = "FAILED";

    private final JdbcTemplate jdbc;

    GatheringCancellationProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GatheringCancelled event) {
        jdbc.update("""
                insert into gathering_cancellations (gathering_id, host_id, cancelled_at, bookings_expected) values (?, ?, ?, ?)
                on conflict do nothing""",
                event.gatheringId().value(), event.hostId().value(), Timestamp.from(event.cancelledAt()), event.activeBookings().size());
    }

    @EventHandler
    void on(BookingCancelled event) {
        if (!event.gatheringCancelled()) {
            return;
        }
        jdbc.update("insert into gathering_cancellation_bookings (booking_id, gathering_id) values (?, ?) on conflict do nothing",
                event.bookingId().value(), event.gatheringId().value());
        if (event.refundDue().isZero()) {
            return;
        }
        jdbc.update("""
                insert into gathering_cancellation_refunds (refund_id, gathering_id, booking_id, status) values (?, ?, ?, ?)
                on conflict do nothing""",
                RefundId.forBooking(event.bookingId()).value(), event.gatheringId().value(), event.bookingId().value(), DUE);
    }

    @EventHandler
    void on(RefundRequested event) {
        move(event.refundId(), REQUESTED, DUE);
    }

    @EventHandler
    void on(RefundNotNeeded event) {
        move(event.refundId(), NOT_NEEDED, DUE);
    }

    @EventHandler
    void on(PaymentRefunded event) {
        move(event.refundId(), SUCCEEDED, DUE, REQUESTED);
    }

    @EventHandler
    void on(RefundFailed event) {
        move(event.refundId(), FAILED, DUE, REQUESTED);
    }

    @EventHandler
    void on(RefundReversed event) {
        move(event.refundId(), FAILED, SUCCEEDED);
    }

    /** Refunds that are not a cancelled gathering's have no row, and the update touches nothing. */
    private void move(RefundId refundId, String to, String... from) {
        Object[] arguments = new Object[from.length + 2];
        arguments[0] = to;
        arguments[1] = refundId.value();
        System.arraycopy(from, 0, arguments, 2, from.length);
        jdbc.update("update gathering_cancellation_refunds set status = ? where refund_id = ? and status in ("
                + String.join(", ", java.util.Collections.nCopies(from.length, "?")) + ")", arguments);
    }
}
