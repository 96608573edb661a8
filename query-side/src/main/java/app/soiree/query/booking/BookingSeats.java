package app.soiree.query.booking;

import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.BookingStatus;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.TierId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the bookings projection knows of a booking when its next event comes: where its seats are, its status and its
 * money. The rules of how a booking moves live here, apart from the statements that read and write it
 * ({@link BookingRows}).
 */
record BookingSeats(BookingId bookingId, GatheringId gatheringId, TierId tierId, int quantity, BookingStatus status,
                    long amount, long refundedAmount) {

    /**
     * Where a booking may go from each status. Moves go forward only, so an event delivered again after
     * later ones changes nothing. An expired hold may still be confirmed: if the gathering accepts a
     * late payment, its {@code SeatsConfirmed} is the fact to follow.
     */
    private static final Map<BookingStatus, Set<BookingStatus>> NEXT = Map.of(
            BookingStatus.HELD, EnumSet.of(BookingStatus.CONFIRMED, BookingStatus.EXPIRED, BookingStatus.CANCELLED),
            BookingStatus.EXPIRED, EnumSet.of(BookingStatus.CONFIRMED),
            BookingStatus.CONFIRMED, EnumSet.of(BookingStatus.CANCELLED, BookingStatus.REFUNDED),
            BookingStatus.CANCELLED, EnumSet.of(BookingStatus.REFUNDED),
            BookingStatus.REFUNDED, EnumSet.noneOf(BookingStatus.class));

    /** The booking after the move, or null where the move is not allowed from here (then no seat moves either). */
    @Nullable BookingSeats movedTo(BookingStatus next) {
        if (!NEXT.get(status).contains(next)) {
            return null;
        }
        return with(settled(next, refundedAmount), refundedAmount);
    }

    /**
     * A refund the provider confirmed. A booking that no longer holds seats and got all its money back
     * is REFUNDED; one that still holds them (staff gave money back as a gesture) stays what it is.
     */
    BookingSeats refunded(long amountMinor) {
        long refunded = Math.addExact(refundedAmount, amountMinor);
        return with(settled(status, refunded), refunded);
    }

    /** A confirmed refund that failed afterwards: the money went back to the platform. */
    BookingSeats refundReversed(long amountMinor) {
        long refunded = Math.subtractExact(refundedAmount, amountMinor);
        // Its seats were given back either way; which of CANCELLED or EXPIRED it was is not kept, and CANCELLED says enough.
        BookingStatus next = status == BookingStatus.REFUNDED && refunded < amount ? BookingStatus.CANCELLED : status;
        return with(next, refunded);
    }

    private BookingStatus settled(BookingStatus next, long refunded) {
        boolean seatsGone = next == BookingStatus.CANCELLED || next == BookingStatus.EXPIRED;
        return seatsGone && amount > 0 && refunded >= amount ? BookingStatus.REFUNDED : next;
    }

    private BookingSeats with(BookingStatus nextStatus, long nextRefundedAmount) {
        return new BookingSeats(bookingId, gatheringId, tierId, quantity, nextStatus, amount, nextRefundedAmount);
    }
}
