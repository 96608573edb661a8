package app.soiree.query.booking;

import app.soiree.api.refund.PaymentRefunded;
import app.soiree.api.refund.RefundReversed;
import app.soiree.query.gathering.TierSeats;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adds confirmed refunds to their booking's {@code refundedAmount}, each refund once ({@code booking_refunds}
 * remembers which were counted), and takes a reversed one off again. In the bookings' own processor, so a
 * refund is applied after the cancellation that caused it.
 */
@Component
@ProcessingGroup(TierSeats.PROCESSING_GROUP)
class BookingRefunds {

    private final BookingRows bookings;
    private final JdbcTemplate jdbc;

    BookingRefunds(BookingRows bookings, JdbcTemplate jdbc) {
        this.bookings = bookings;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PaymentRefunded event) {
        int counted = jdbc.update("insert into booking_refunds (refund_id, booking_id, amount) values (?, ?, ?) on conflict do nothing",
                event.refundId().value(), event.bookingId().value(), event.amount().amountMinor());
        if (counted == 1) {
            BookingSeats booking = bookings.require(event.bookingId(), "a refund");
            bookings.update(booking.refunded(event.amount().amountMinor()));
        }
    }

    @EventHandler
    void on(RefundReversed event) {
        int uncounted = jdbc.update("delete from booking_refunds where refund_id = ?", event.refundId().value());
        if (uncounted == 1) {
            BookingSeats booking = bookings.require(event.bookingId(), "a refund");
            bookings.update(booking.refundReversed(event.amount().amountMinor()));
        }
    }
}
