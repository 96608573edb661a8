package app.soiree.command.booking;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.command.gathering.BookingsOnRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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
class BookingIds implements BookingsOnRecord {

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

    /** Binds the id to its booking, or refuses it with 409 if it is bound to another guest or gathering. */
    void record(BookingId bookingId, GatheringId gatheringId, UserId guestId) {
        recordAll(List.of(new Binding(bookingId, gatheringId, guestId)));
    }

    /**
     * Binds every id to its booking, or refuses them all with 409 if any is bound to another guest or gathering (the
     * caller's transaction then takes back what was inserted). One statement for them all (a batch of holds', in the
     * gathering's serial section): the rows it inserts, and the rows that were there for the others (the statement's
     * snapshot does not show it its own inserts, so the second half finds only those). A row another
     * transaction inserted and committed while this statement waited for it is not in the statement's snapshot, so
     * then, and only then, that row is read again.
     */
    void recordAll(List<Binding> bindings) {
        Map<UUID, Owner> owners = new HashMap<>();
        jdbc.query("""
                        with wanted (booking_id, gathering_id, guest_id) as (select * from unnest(?::uuid[], ?::uuid[], ?::uuid[])),
                        inserted as (
                            insert into booking_lookup (booking_id, gathering_id, guest_id)
                            select booking_id, gathering_id, guest_id from wanted
                            on conflict (booking_id) do nothing
                            returning booking_id, gathering_id, guest_id)
                        select booking_id, gathering_id, guest_id from inserted
                        union all
                        select booking_id, gathering_id, guest_id from booking_lookup
                        where booking_id in (select booking_id from wanted)""",
                (RowCallbackHandler) rs -> owners.put(rs.getObject(1, UUID.class),
                        new Owner(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class))),
                column(bindings, binding -> binding.bookingId().value()), column(bindings, binding -> binding.gatheringId().value()),
                column(bindings, binding -> binding.guestId().value()));
        for (Binding binding : bindings) {
            Owner owner = owners.get(binding.bookingId().value());
            if (owner == null) {
                owner = owner(binding.bookingId());
            }
            if (owner == null || !owner.gatheringId().equals(binding.gatheringId().value()) || !owner.guestId().equals(binding.guestId().value())) {
                throw new SoireeException(ErrorCode.ID_ALREADY_USED, "This booking id is already in use; leave it out to get a new one");
            }
        }
    }

    @Override
    public boolean has(BookingId bookingId) {
        return owner(bookingId) != null;
    }

    /** A column of the bindings as text (the driver sends a {@code String[]} as an array PostgreSQL casts to uuid[]). */
    private static String[] column(List<Binding> bindings, Function<Binding, UUID> value) {
        return bindings.stream().map(value).map(UUID::toString).toArray(String[]::new);
    }

    /** A booking id and the one guest at the one gathering it is to belong to. */
    record Binding(BookingId bookingId, GatheringId gatheringId, UserId guestId) {
    }

    private @Nullable Owner owner(BookingId bookingId) {
        return jdbc.query("select gathering_id, guest_id from booking_lookup where booking_id = ?",
                (rs, row) -> new Owner(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), bookingId.value())
                .stream().findFirst().orElse(null);
    }

    private record Owner(UUID gatheringId, UUID guestId) {
    }
}
