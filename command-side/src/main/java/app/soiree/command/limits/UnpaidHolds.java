package app.soiree.command.limits;

import app.soiree.api.error.RateLimitedException;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seats held and not yet paid for, per account and per client address, so that a handful of
 * accounts cannot sit on a whole gathering for the hold time. A place in the count is taken before
 * the seats are held (atomically across replicas: the account's and the address's counts are
 * checked and taken under their advisory locks) and given back as soon as the hold resolves: paid,
 * released, cancelled or expired ({@link UnpaidHoldsUpdater}). A place that is never given back
 * (a crash between the two) lapses by itself when the hold would have expired.
 */
@Component
public class UnpaidHolds {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AbuseLimits limits;
    private final Clock clock;

    UnpaidHolds(JdbcTemplate jdbc, TransactionTemplate transactions, AbuseLimits limits, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Takes a place for a hold of {@code seats} lasting {@code holdDuration}, or refuses with 429 and
     * when the first place this client has will lapse. Taking the place of a booking that has one
     * already (a retry) changes nothing. Answers whether this call took a place (for {@link #giveBack}).
     */
    public boolean take(BookingId bookingId, UserId guestId, String clientAddress, GatheringId gatheringId, int seats, Duration holdDuration) {
        if (limits.exempts(clientAddress)) {
            return false;
        }
        return Boolean.TRUE.equals(transactions.execute(status -> {
            // One lock per account and per address, always in this order, so two requests cannot both squeeze under a limit.
            jdbc.query("select pg_advisory_xact_lock(hashtextextended('unpaid-holds:guest:' || ?, 0)), "
                    + "pg_advisory_xact_lock(hashtextextended('unpaid-holds:address:' || ?, 0))", rs -> null, guestId.toString(), clientAddress);
            Instant now = clock.instant();
            Usage usage = usage(bookingId, guestId, clientAddress, gatheringId, now);
            if (usage.known()) {
                return false;
            }
            if (usage.accountHolds() + 1 > limits.unpaidHoldsPerAccount()) {
                throw refused("This account already holds " + usage.accountHolds() + " unpaid bookings; pay for or cancel one first",
                        usage.accountFirstLapses(), now);
            }
            if (usage.addressSeats() + seats > limits.unpaidSeatsPerAddress()) {
                throw refused("Too many unpaid seats are held from this address; try again later", usage.addressFirstLapses(), now);
            }
            if (usage.gatheringSeats() + seats > limits.unpaidSeatsPerAddressPerGathering()) {
                throw refused("Too many unpaid seats of this gathering are held from this address; try again later",
                        usage.gatheringFirstLapses(), now);
            }
            jdbc.update("delete from unpaid_holds where (guest_id = ? or client_address = ?) and expires_at <= ?",
                    guestId.value(), clientAddress, Timestamp.from(now));
            jdbc.update("insert into unpaid_holds (booking_id, guest_id, client_address, gathering_id, seats, expires_at) "
                            + "values (?, ?, ?, ?, ?, ?)",
                    bookingId.value(), guestId.value(), clientAddress, gatheringId.value(), seats, Timestamp.from(now.plus(holdDuration)));
            return true;
        }));
    }

    /** Gives the place back: the hold was paid, released, cancelled or expired, or never placed. */
    public void giveBack(BookingId bookingId) {
        jdbc.update("delete from unpaid_holds where booking_id = ?", bookingId.value());
    }

    /** Whether the booking has a place already, and what the account, the address and the address at this gathering hold unpaid now: one query. */
    private Usage usage(BookingId bookingId, UserId guestId, String clientAddress, GatheringId gatheringId, Instant now) {
        Timestamp nowAt = Timestamp.from(now);
        return jdbc.queryForObject("""
                select coalesce(bool_or(booking_id = ?), false),
                       count(*) filter (where live and guest_id = ?),
                       min(expires_at) filter (where live and guest_id = ?),
                       coalesce(sum(seats) filter (where live and client_address = ?), 0),
                       min(expires_at) filter (where live and client_address = ?),
                       coalesce(sum(seats) filter (where live and client_address = ? and gathering_id = ?), 0),
                       min(expires_at) filter (where live and client_address = ? and gathering_id = ?)
                from (select *, expires_at > ? as live from unpaid_holds where booking_id = ? or guest_id = ? or client_address = ?) holds
                """,
                (rs, row) -> new Usage(rs.getBoolean(1), rs.getInt(2), toInstant(rs.getTimestamp(3)), rs.getInt(4),
                        toInstant(rs.getTimestamp(5)), rs.getInt(6), toInstant(rs.getTimestamp(7))),
                bookingId.value(), guestId.value(), guestId.value(), clientAddress, clientAddress, clientAddress, gatheringId.value(),
                clientAddress, gatheringId.value(), nowAt, bookingId.value(), guestId.value(), clientAddress);
    }

    private static @Nullable Instant toInstant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static RateLimitedException refused(String message, @Nullable Instant firstLapses, Instant now) {
        Duration untilFirstLapses = firstLapses == null ? Duration.ofSeconds(1) : Duration.between(now, firstLapses);
        return new RateLimitedException(message, untilFirstLapses.isNegative() ? Duration.ofSeconds(1) : untilFirstLapses);
    }

    private record Usage(boolean known, int accountHolds, @Nullable Instant accountFirstLapses, int addressSeats,
                         @Nullable Instant addressFirstLapses, int gatheringSeats, @Nullable Instant gatheringFirstLapses) {
    }
}
