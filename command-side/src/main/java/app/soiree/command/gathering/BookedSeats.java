package app.soiree.command.gathering;

import app.soiree.api.Money;
import app.soiree.api.gathering.TierId;
import app.soiree.api.identity.UserId;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.Objects;

/** The seats of one booking as the gathering sees them. */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
final class BookedSeats {

    /** RELEASED: given back by the guest or the host; EXPIRED: the hold ended unpaid, and a late payment may still restore it. */
    enum State { HELD, CONFIRMED, EXPIRED, RELEASED }

    private TierId tierId;
    private UserId guestId;
    private int quantity;
    private Money amount;
    private State state = State.HELD;
    private boolean checkedIn;

    private BookedSeats() {
        // for snapshots
    }

    BookedSeats(TierId tierId, UserId guestId, int quantity, Money amount) {
        this.tierId = tierId;
        this.guestId = guestId;
        this.quantity = quantity;
        this.amount = amount;
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

    void confirm() {
        state = State.CONFIRMED;
    }

    void release() {
        state = State.RELEASED;
    }

    void expire() {
        state = State.EXPIRED;
    }

    void checkIn() {
        checkedIn = true;
    }

    // Value equality lets Axon's test fixture prove that replaying the events rebuilds the same state.
    @Override
    public boolean equals(Object other) {
        return other instanceof BookedSeats that && tierId.equals(that.tierId) && guestId.equals(that.guestId)
                && quantity == that.quantity && amount.equals(that.amount) && state == that.state && checkedIn == that.checkedIn;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tierId, guestId, quantity, state);
    }
}
