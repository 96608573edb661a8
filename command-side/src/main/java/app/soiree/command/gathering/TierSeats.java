package app.soiree.command.gathering;

import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.gathering.GatheringCancelled;
import app.soiree.api.gathering.HoldExpired;
import app.soiree.api.gathering.SeatsHeld;
import app.soiree.api.gathering.Tier;
import app.soiree.api.gathering.TierId;
import app.soiree.api.gathering.WaitlistJoined;
import app.soiree.api.identity.UserId;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * One tier's seats, an entity of the {@link Gathering} kept by {@link GatheringSeats}: how many are held, how many
 * confirmed, and who waits for one. Every gathering event reaches every tier; each takes the ones about itself.
 * Confirmations are counted by {@link GatheringSeats}, which knows whether the seats were held or had expired.
 */
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

    Deque<UserId> waitlist() {
        return waitlist;
    }

    /** Where {@code userId} waits, counted from 1; 0 when not waiting. */
    int positionOf(UserId userId) {
        return List.copyOf(waitlist).indexOf(userId) + 1;
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

    @EventSourcingHandler
    void on(SeatsHeld event) {
        if (isAbout(event.tierId())) {
            held += event.quantity();
            assertWithinCapacity();
        }
        // Whoever has seats waits for no others.
        waitlist.remove(event.guestId());
    }

    @EventSourcingHandler
    void on(HoldExpired event) {
        if (isAbout(event.tierId())) {
            held -= event.quantity();
            assertWithinCapacity();
        }
    }

    @EventSourcingHandler
    void on(BookingCancelled event) {
        if (isAbout(event.tierId())) {
            if (event.wasConfirmed()) {
                confirmed -= event.quantity();
            } else {
                held -= event.quantity();
            }
            assertWithinCapacity();
        }
    }

    @EventSourcingHandler
    void on(WaitlistJoined event) {
        if (isAbout(event.tierId())) {
            waitlist.addLast(event.userId());
        }
    }

    @EventSourcingHandler
    void on(GatheringCancelled event) {
        waitlist.clear();
    }

    private boolean isAbout(TierId tierId) {
        return tier.tierId().equals(tierId);
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
