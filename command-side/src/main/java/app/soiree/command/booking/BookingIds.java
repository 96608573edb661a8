package app.soiree.command.booking;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Booking ids are unique in the whole store and belong to one guest at one gathering. A gathering
 * only knows its own bookings, and a booking's payment id is derived from its id, so an id reused
 * at another gathering would hand its lookup, its read model and its payment to the second caller.
 *
 * <p>The server makes a booking's id. A client may send one only to come back to its own booking
 * (a retry, or paying for a waitlist offer) or with a fresh random id, which is then claimed for the
 * caller at that gathering before any seat is touched: the first claim wins, atomically, and every
 * other use of the id is refused.
 */
@Component
class BookingIds {

    private final JdbcTemplate jdbc;

    BookingIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Refuses the id unless it is, or has just become, the caller's booking at this gathering. */
    void claim(BookingId bookingId, GatheringId gatheringId, UserId guestId) {
        if (bookingId.value().version() != 4 && owner(bookingId) == null) {
            // Ids the platform derives (waitlist offers) are name-based: a client must not reserve one ahead of its owner.
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "bookingId must be a random (version 4) UUID");
        }
        record(bookingId, gatheringId, guestId);
    }

    /**
     * Binds the id to its booking, or refuses it with 409 if it is bound to another guest or gathering. One statement (a
     * hold's, in the gathering's serial section): the row it inserts, or else the row that was there. A row another
     * transaction inserted and committed while this statement waited for it is not in the statement's snapshot, so
     * then, and only then, the row is read again.
     */
    void record(BookingId bookingId, GatheringId gatheringId, UserId guestId) {
        Owner owner = jdbc.query("""
                        with inserted as (
                            insert into booking_lookup (booking_id, gathering_id, guest_id) values (?, ?, ?)
                            on conflict (booking_id) do nothing
                            returning gathering_id, guest_id)
                        select gathering_id, guest_id from inserted
                        union all
                        select gathering_id, guest_id from booking_lookup where booking_id = ? and not exists (select 1 from inserted)""",
                (rs, row) -> new Owner(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                bookingId.value(), gatheringId.value(), guestId.value(), bookingId.value()).stream().findFirst().orElse(null);
        if (owner == null) {
            owner = owner(bookingId);
        }
        if (owner == null || !owner.gatheringId().equals(gatheringId.value()) || !owner.guestId().equals(guestId.value())) {
            throw new SoireeException(ErrorCode.ID_ALREADY_USED, "This booking id is already in use; leave it out to get a new one");
        }
    }

    private @Nullable Owner owner(BookingId bookingId) {
        return jdbc.query("select gathering_id, guest_id from booking_lookup where booking_id = ?",
                (rs, row) -> new Owner(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), bookingId.value())
                .stream().findFirst().orElse(null);
    }

    private record Owner(UUID gatheringId, UUID guestId) {
    }
}
