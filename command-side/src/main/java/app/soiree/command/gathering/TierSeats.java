package app.soiree.command.gathering;

import app.soiree.api.gathering.Tier;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import app.soiree.api.identity.UserId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/** One tier's seats: how many are held, how many confirmed, and who waits for one. */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
final class TierSeats {

    private Tier tier;
    private int held;
    private int confirmed;
    private Deque<UserId> waitlist = new ArrayDeque<>();

    private TierSeats() {
        // for snapshots
    }

    TierSeats(Tier tier) {
        this.tier = tier;
    }

    Tier tier() {
        return tier;
    }

    void redefine(Tier tier) {
        this.tier = tier;
    }

    int booked() {
        return held + confirmed;
    }

    int available() {
        return tier.capacity() - booked();
    }

    void hold(int quantity) {
        held += quantity;
        assertWithinCapacity();
    }

    void confirmHeld(int quantity) {
        held -= quantity;
        confirmed += quantity;
        assertWithinCapacity();
    }

    /** Seats of an expired hold, confirmed after all because its payment arrived late. */
    void confirmRestored(int quantity) {
        confirmed += quantity;
        assertWithinCapacity();
    }

    void releaseHeld(int quantity) {
        held -= quantity;
        assertWithinCapacity();
    }

    void releaseConfirmed(int quantity) {
        confirmed -= quantity;
        assertWithinCapacity();
    }

    Deque<UserId> waitlist() {
        return waitlist;
    }

    // Value equality lets Axon's test fixture prove that replaying the events rebuilds the same state.
    @Override
    public boolean equals(Object other) {
        return other instanceof TierSeats that && tier.equals(that.tier) && held == that.held && confirmed == that.confirmed
                && List.copyOf(waitlist).equals(List.copyOf(that.waitlist));
    }

    @Override
    public int hashCode() {
        return Objects.hash(tier, held, confirmed);
    }

    /** Every event that moves seats passes here: a broken count must fail loudly, never be stored. */
    private void assertWithinCapacity() {
        if (held < 0 || confirmed < 0 || booked() > tier.capacity()) {
            throw new IllegalStateException("Seat counts of tier " + tier.tierId() + " are broken: held=" + held
                    + " confirmed=" + confirmed + " capacity=" + tier.capacity());
        }
    }
}
