package app.soiree.command.gathering;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.Money;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.BookingStatus;
import app.soiree.api.gathering.CancelBooking;
import app.soiree.api.gathering.GatheringDetails;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringStatus;
import app.soiree.api.gathering.GuestCheckedIn;
import app.soiree.api.gathering.HoldSeats;
import app.soiree.api.gathering.SeatsReservation;
import app.soiree.api.gathering.TierId;
import app.soiree.api.identity.UserId;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The seats of one booking as the gathering sees them: an entity of the {@link Gathering}, kept by
 * {@link GatheringSeats} under its booking id, which hands it the events about this booking (and only those).
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
final class BookedSeats {

    /** RELEASED: given back by the guest or the host; EXPIRED: the hold ended unpaid, and a late payment may still restore it. */
    enum State { HELD, CONFIRMED, EXPIRED, RELEASED }

    private BookingId bookingId;
    private TierId tierId;
    private UserId guestId;
    private int quantity;
    private Money amount;
    private State state = State.HELD;
    private boolean checkedIn;
    /** The guest's request that gave the seats back, and the refund it was answered; null until then, or when the host's cancellation did. */
    private @Nullable UUID cancelRequestId;
    private @Nullable Money cancelRefund;

    private BookedSeats() {
        // for snapshots
    }

    BookedSeats(BookingId bookingId, TierId tierId, UserId guestId, int quantity, Money amount) {
        this.bookingId = bookingId;
        this.tierId = tierId;
        this.guestId = guestId;
        this.quantity = quantity;
        this.amount = amount;
    }

    BookingId bookingId() {
        return bookingId;
    }

    TierId tierId() {
        return tierId;
    }

    UserId guestId() {
        return guestId;
    }

    int quantity() {
        return quantity;
    }

    Money amount() {
        return amount;
    }

    State state() {
        return state;
    }

    boolean isActive() {
        return state == State.HELD || state == State.CONFIRMED;
    }

    boolean isCheckedIn() {
        return checkedIn;
    }

    /** What a repeated {@link HoldSeats} with this booking's id answers: these seats as they are now, if it asks for the same. */
    SeatsReservation replay(HoldSeats command, UserId hostId) {
        if (!guestId.equals(command.guestId()) || !tierId.equals(command.tierId()) || quantity != command.quantity()) {
            throw SoireeException.conflict("This booking id is already used for other seats");
        }
        BookingStatus status = switch (state) {
            case HELD -> BookingStatus.HELD;
            case CONFIRMED -> BookingStatus.CONFIRMED;
            case EXPIRED -> BookingStatus.EXPIRED;
            case RELEASED -> BookingStatus.CANCELLED;
        };
        return new SeatsReservation(bookingId, hostId, status, amount, null);
    }

    /** Whether this is the guest's cancel request that gave the seats back, carried out again: it is to be answered as it was. */
    boolean cancelledBy(CancelBooking command) {
        return state == State.RELEASED && command.requestId() != null && command.requestId().equals(cancelRequestId)
                && guestId.equals(command.requestedBy());
    }

    /** The refund {@link #cancelledBy the cancel request} was answered. */
    Money refundAnswered() {
        return Objects.requireNonNull(cancelRefund, "cancelRefund");
    }

    /** The guest gives the seats back; answers the refund the gathering's policy grants (zero for holds and free seats). */
    Money cancelByGuest(CancelBooking command, GatheringSeats.Terms terms, Instant now) {
        if (!guestId.equals(command.requestedBy())) {
            throw SoireeException.notFound("Booking");
        }
        if (!isActive()) {
            throw new SoireeException(ErrorCode.BOOKING_NOT_ACTIVE, "This booking is no longer active");
        }
        GatheringDetails details = terms.details();
        if (!now.isBefore(details.startsAt())) {
            throw SoireeException.conflict("A booking cannot be cancelled once the gathering has started");
        }
        boolean confirmed = state == State.CONFIRMED;
        Money refund = confirmed ? details.refundPolicy().refundFor(amount, details.startsAt(), now) : Money.zero(amount.currency());
        apply(new BookingCancelled(terms.gatheringId(), bookingId, tierId, guestId, quantity, confirmed, refund, now, false,
                command.requestId()));
        return refund;
    }

    /** The host called the gathering off: the guest gets everything paid back, whatever the policy says. */
    void cancelByHost(GatheringId gatheringId, Instant now) {
        boolean confirmed = state == State.CONFIRMED;
        Money refund = confirmed ? amount : Money.zero(amount.currency());
        apply(new BookingCancelled(gatheringId, bookingId, tierId, guestId, quantity, confirmed, refund, now, true, null));
    }

    void checkIn(GatheringSeats.Terms terms, Instant now) {
        if (state != State.CONFIRMED) {
            throw new SoireeException(ErrorCode.BOOKING_NOT_CONFIRMED, "Only a confirmed booking can be checked in");
        }
        if (checkedIn) {
            throw new SoireeException(ErrorCode.ALREADY_CHECKED_IN, "This booking is already checked in");
        }
        if (terms.status() != GatheringStatus.PUBLISHED && terms.status() != GatheringStatus.ENDED) {
            throw SoireeException.conflict("Guests can be checked in only at a published gathering");
        }
        apply(new GuestCheckedIn(terms.gatheringId(), bookingId, guestId, now));
    }

    /** Called by {@link GatheringSeats}, which moves the tier's counts in the same step. */
    void confirm() {
        state = State.CONFIRMED;
    }

    /** On {@code HoldExpired}, handed over by {@link GatheringSeats}. */
    void expired() {
        state = State.EXPIRED;
    }

    /** On {@code BookingCancelled}, handed over by {@link GatheringSeats}. */
    void released(BookingCancelled event) {
        state = State.RELEASED;
        cancelRequestId = event.requestId();
        cancelRefund = event.requestId() == null ? null : event.refundDue();
    }

    /** On {@code GuestCheckedIn}, handed over by {@link GatheringSeats}. */
    void checkedIn() {
        checkedIn = true;
    }

    // Value equality lets Axon's test fixture prove that replaying the events rebuilds the same state.
    @Override
    public boolean equals(Object other) {
        return other instanceof BookedSeats that && bookingId.equals(that.bookingId) && tierId.equals(that.tierId)
                && guestId.equals(that.guestId) && quantity == that.quantity && amount.equals(that.amount) && state == that.state
                && checkedIn == that.checkedIn && Objects.equals(cancelRequestId, that.cancelRequestId)
                && Objects.equals(cancelRefund, that.cancelRefund);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bookingId, tierId, guestId, quantity, state);
    }
}
