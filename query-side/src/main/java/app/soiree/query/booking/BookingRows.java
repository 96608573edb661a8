package app.soiree.query.booking;

import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.BookingStatus;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.SeatsHeld;
import app.soiree.api.gathering.TierId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The statements the gatherings group writes {@code bookings} with: two seat events for every booking, where JPA
 * cost a lookup, a dirty check and a flush each (most of that group's time in a booking rush). {@link Booking} is
 * the rows as the queries read them.
 */
@Component
class BookingRows {

    private final JdbcTemplate jdbc;

    BookingRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the booking is there already: the event was delivered before. */
    boolean insertHeld(SeatsHeld event) {
        Instant holdExpiresAt = event.holdExpiresAt();
        return jdbc.update("""
                        insert into bookings (booking_id, gathering_id, host_id, guest_id, tier_id, quantity, status, amount, currency,
                                              refunded_amount, hold_expires_at, checked_in, created_at)
                        values (?, ?, ?, ?, ?, ?, 'HELD', ?, ?, 0, ?, false, ?) on conflict (booking_id) do nothing""",
                event.bookingId().value(), event.gatheringId().value(), event.hostId().value(), event.guestId().value(),
                event.tierId().value(), event.quantity(), event.amount().amountMinor(), event.amount().currency().getCurrencyCode(),
                holdExpiresAt == null ? null : Timestamp.from(holdExpiresAt), Timestamp.from(event.heldAt())) == 1;
    }

    /** {@code about} says what the event was, for the failure of one whose booking was never held here. */
    BookingSeats require(BookingId bookingId, String about) {
        List<BookingSeats> found = jdbc.query("""
                        select gathering_id, tier_id, quantity, status, amount, refunded_amount from bookings where booking_id = ?""",
                (row, index) -> new BookingSeats(bookingId, new GatheringId(row.getObject("gathering_id", UUID.class)),
                        new TierId(row.getObject("tier_id", UUID.class)), row.getInt("quantity"),
                        BookingStatus.valueOf(row.getString("status")), row.getLong("amount"), row.getLong("refunded_amount")),
                bookingId.value());
        if (found.isEmpty()) {
            throw new IllegalStateException("Booking " + bookingId + " has " + about + " but its seats were never held in this projection");
        }
        return found.getFirst();
    }

    void update(BookingSeats booking) {
        jdbc.update("update bookings set status = ?, refunded_amount = ? where booking_id = ?",
                booking.status().name(), booking.refundedAmount(), booking.bookingId().value());
    }

    void checkIn(BookingId bookingId) {
        if (jdbc.update("update bookings set checked_in = true where booking_id = ?", bookingId.value()) == 0) {
            throw new IllegalStateException("Booking " + bookingId + " has a check-in but its seats were never held in this projection");
        }
    }
}
