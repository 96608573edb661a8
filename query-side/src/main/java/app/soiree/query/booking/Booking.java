package app.soiree.query.booking;

import app.soiree.api.Money;
import app.soiree.api.booking.BookingView;
import app.soiree.api.booking.PaymentView;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.BookingStatus;
import app.soiree.api.gathering.GatheringId;
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
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * A booking as the queries read it. Written only by statement ({@link BookingRows}), so the entity is immutable: nothing
 * read through it is ever flushed back.
 */
@Entity
@Immutable
@Table(name = "bookings")
class Booking {

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
