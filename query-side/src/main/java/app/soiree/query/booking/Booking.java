package app.soiree.query.booking;

import app.soiree.api.Money;
import app.soiree.api.booking.BookingView;
import app.soiree.api.booking.PaymentView;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.BookingStatus;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.SeatsHeld;
import app.soiree.api.gathering.TierId;
import app.soiree.api.identity.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "bookings")
class Booking {

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

    @Id
    @Column(name = "booking_id")
    private UUID bookingId;

    @Column(name = "gathering_id", nullable = false)
    private UUID gatheringId;

    @Column(name = "host_id", nullable = false)
    private UUID hostId;

    @Column(name = "guest_id", nullable = false)
    private UUID guestId;

    @Column(name = "tier_id", nullable = false)
    private UUID tierId;

    @Column(nullable = false)
    private int quantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BookingStatus status;

    @Column(nullable = false)
    private long amount;

    @Column(nullable = false)
    private String currency;

    @Column(name = "refunded_amount", nullable = false)
    private long refundedAmount;

    @Column(name = "hold_expires_at")
    private @Nullable Instant holdExpiresAt;

    @Column(name = "checked_in", nullable = false)
    private boolean checkedIn;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Booking() {
    }

    Booking(SeatsHeld event) {
        this.bookingId = event.bookingId().value();
        this.gatheringId = event.gatheringId().value();
        this.hostId = event.hostId().value();
        this.guestId = event.guestId().value();
        this.tierId = event.tierId().value();
        this.quantity = event.quantity();
        this.status = BookingStatus.HELD;
        this.amount = event.amount().amountMinor();
        this.currency = event.amount().currency().getCurrencyCode();
        this.holdExpiresAt = event.holdExpiresAt();
        this.createdAt = event.heldAt();
    }

    /** Returns whether the status changed; only then do seats move. */
    boolean moveTo(BookingStatus next) {
        if (!NEXT.get(status).contains(next)) {
            return false;
        }
        status = next;
        settleRefundStatus();
        return true;
    }

    /**
     * A refund the provider confirmed. A booking that no longer holds seats and got all its money back
     * is REFUNDED; one that still holds them (staff gave money back as a gesture) stays what it is.
     */
    void refunded(long amountMinor) {
        refundedAmount = Math.addExact(refundedAmount, amountMinor);
        settleRefundStatus();
    }

    /** A confirmed refund that failed afterwards: the money went back to the platform. */
    void refundReversed(long amountMinor) {
        refundedAmount = Math.subtractExact(refundedAmount, amountMinor);
        if (status == BookingStatus.REFUNDED && refundedAmount < amount) {
            // Its seats were given back either way; which of CANCELLED or EXPIRED it was is not kept, and CANCELLED says enough.
            status = BookingStatus.CANCELLED;
        }
    }

    private void settleRefundStatus() {
        boolean seatsGone = status == BookingStatus.CANCELLED || status == BookingStatus.EXPIRED;
        if (seatsGone && amount > 0 && refundedAmount >= amount) {
            status = BookingStatus.REFUNDED;
        }
    }

    void checkIn() {
        checkedIn = true;
    }

    boolean isVisibleTo(UserId user) {
        return guestId.equals(user.value()) || hostId.equals(user.value());
    }

    BookingStatus status() {
        return status;
    }

    GatheringId gatheringId() {
        return new GatheringId(gatheringId);
    }

    TierId tierId() {
        return new TierId(tierId);
    }

    int quantity() {
        return quantity;
    }

    Instant createdAt() {
        return createdAt;
    }

    UUID id() {
        return bookingId;
    }

    BookingView toView(@Nullable PaymentView payment) {
        Currency money = Currency.getInstance(currency);
        // The hold's deadline matters only while the seats are held; afterwards it would only mislead.
        Instant deadline = status == BookingStatus.HELD ? holdExpiresAt : null;
        return new BookingView(new BookingId(bookingId), new GatheringId(gatheringId), new UserId(hostId), new UserId(guestId),
                new TierId(tierId), quantity, status, new Money(amount, money), new Money(refundedAmount, money), deadline,
                checkedIn, createdAt, payment);
    }
}
