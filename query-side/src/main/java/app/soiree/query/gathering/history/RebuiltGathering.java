package app.soiree.query.gathering.history;

import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringAsOfView;
import app.soiree.api.gathering.GatheringAsOfView.TierAsOf;
import app.soiree.api.gathering.GatheringAsOfView.WaitingGuest;
import app.soiree.api.gathering.GatheringCancelled;
import app.soiree.api.gathering.GatheringCreated;
import app.soiree.api.gathering.GatheringDetails;
import app.soiree.api.gathering.GatheringEdited;
import app.soiree.api.gathering.GatheringEnded;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringPublished;
import app.soiree.api.gathering.GatheringStatus;
import app.soiree.api.gathering.HoldExpired;
import app.soiree.api.gathering.SeatsConfirmed;
import app.soiree.api.gathering.SeatsHeld;
import app.soiree.api.gathering.Tier;
import app.soiree.api.gathering.TierId;
import app.soiree.api.gathering.WaitlistJoined;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A gathering's seats and lifecycle folded from its events, one at a time and in stream order, the way the command
 * side's {@code Gathering} aggregate sources itself (its {@code TierSeats} and {@code BookedSeats}), but written
 * again here: the query side never imports the command side, and this fold only counts, it never decides.
 *
 * <p>What moves what: a hold adds to its tier's {@code held}; a confirmation moves seats from held to confirmed, or
 * straight to confirmed when the hold had expired and a late payment restored it; an expiry or release gives held
 * seats back; a cancellation gives back held or confirmed seats as the event says. Whoever gets seats (a waitlist
 * promotion is a hold {@code fromWaitlist}) leaves every line they waited in; a cancelled gathering has no waitlist.
 * Events about anything else (reviews, check-ins, announcements, events added later) change nothing shown here.
 *
 * <p>A count that would break (negative, above capacity) or an event about a booking or tier the stream never
 * introduced means the stream is not what this fold understands: it throws rather than show a made-up state.
 */
final class RebuiltGathering {

    /** Where a booking's seats are, as far as the tier counts care. */
    private enum Seats { HELD, CONFIRMED, EXPIRED, RELEASED }

    private final GatheringId gatheringId;
    private @Nullable GatheringStatus status;
    private @Nullable GatheringDetails details;
    private final Map<TierId, TierCount> tiers = new LinkedHashMap<>();
    private final Map<BookingId, BookingSeats> bookings = new HashMap<>();
    /** Everyone waiting, in the order they joined; one entry per (guest, tier). */
    private final List<Waiting> waitlist = new ArrayList<>();
    private int eventsApplied;
    private @Nullable Instant lastEventAt;

    RebuiltGathering(GatheringId gatheringId) {
        this.gatheringId = gatheringId;
    }

    /** Applies one event of the gathering's stream, stamped with the time it was stored. */
    void apply(Object event, Instant storedAt) {
        switch (event) {
            case GatheringCreated created -> created(created);
            case GatheringEdited edited -> edited(edited);
            case GatheringPublished published -> status = GatheringStatus.PUBLISHED;
            case GatheringCancelled cancelled -> cancelled();
            case GatheringEnded ended -> status = GatheringStatus.ENDED;
            case SeatsHeld held -> held(held);
            case SeatsConfirmed confirmed -> confirmed(confirmed);
            case HoldExpired expired -> giveBack(expired.bookingId(), Seats.EXPIRED);
            case BookingCancelled cancelled -> giveBack(cancelled.bookingId(), Seats.RELEASED);
            case WaitlistJoined joined -> waitlist.add(new Waiting(joined.userId(), joined.tierId()));
            default -> {
                // not about seats or status
            }
        }
        eventsApplied++;
        lastEventAt = storedAt;
    }

    boolean exists() {
        return status != null;
    }

    GatheringAsOfView view(Instant at) {
        if (status == null || details == null || lastEventAt == null) {
            throw new IllegalStateException("Gathering " + gatheringId + " has no creation among the events applied");
        }
        List<TierAsOf> tierViews = tiers.values().stream().map(TierCount::view).toList();
        return new GatheringAsOfView(gatheringId, at, status, details.title(), details.startsAt(), details.endsAt(), tierViews,
                waitingInOrder(), eventsApplied, lastEventAt);
    }

    private void created(GatheringCreated event) {
        status = GatheringStatus.DRAFT;
        details = event.details();
        event.tiers().forEach(tier -> tiers.put(tier.tierId(), new TierCount(tier)));
    }

    /** An edit lists every tier the gathering has now: a kept tier keeps its counts, a dropped one goes with its line. */
    private void edited(GatheringEdited event) {
        details = event.details();
        Map<TierId, TierCount> previous = new LinkedHashMap<>(tiers);
        tiers.clear();
        for (Tier tier : event.tiers()) {
            TierCount count = previous.getOrDefault(tier.tierId(), new TierCount(tier));
            count.definition = tier;
            count.requireWithinCapacity();
            tiers.put(tier.tierId(), count);
        }
        waitlist.removeIf(waiting -> !tiers.containsKey(waiting.tierId()));
    }

    private void cancelled() {
        status = GatheringStatus.CANCELLED;
        waitlist.clear();
    }

    private void held(SeatsHeld event) {
        bookings.put(event.bookingId(), new BookingSeats(event.tierId(), event.quantity()));
        tier(event.tierId()).move(event.quantity(), 0);
        // Whoever has seats waits for no others, in any tier.
        waitlist.removeIf(waiting -> waiting.userId().equals(event.guestId()));
    }

    private void confirmed(SeatsConfirmed event) {
        BookingSeats booking = booking(event.bookingId());
        switch (booking.seats) {
            case HELD -> tier(booking.tierId).move(-booking.quantity, booking.quantity);
            // A late payment restored an expired hold: its seats had already left "held".
            case EXPIRED -> tier(booking.tierId).move(0, booking.quantity);
            case CONFIRMED, RELEASED -> throw new IllegalStateException("Booking " + event.bookingId() + " of gathering "
                    + gatheringId + " is confirmed while " + booking.seats);
        }
        booking.seats = Seats.CONFIRMED;
    }

    /** The seats of a booking go back to its tier, whether they were held or confirmed. */
    private void giveBack(BookingId bookingId, Seats after) {
        BookingSeats booking = booking(bookingId);
        switch (booking.seats) {
            case HELD -> tier(booking.tierId).move(-booking.quantity, 0);
            case CONFIRMED -> tier(booking.tierId).move(0, -booking.quantity);
            case EXPIRED, RELEASED -> {
                // nothing left to give back
            }
        }
        booking.seats = after;
    }

    private List<WaitingGuest> waitingInOrder() {
        Map<TierId, Integer> lineLengths = new HashMap<>();
        return waitlist.stream()
                .map(waiting -> new WaitingGuest(waiting.userId(), waiting.tierId(), lineLengths.merge(waiting.tierId(), 1, Integer::sum)))
                .toList();
    }

    private TierCount tier(TierId tierId) {
        TierCount tier = tiers.get(tierId);
        if (tier == null) {
            throw new IllegalStateException("Gathering " + gatheringId + " has an event about tier " + tierId + ", which it never had");
        }
        return tier;
    }

    private BookingSeats booking(BookingId bookingId) {
        BookingSeats booking = bookings.get(bookingId);
        if (booking == null) {
            throw new IllegalStateException("Gathering " + gatheringId + " has an event about booking " + bookingId
                    + ", whose seats were never held");
        }
        return booking;
    }

    private record Waiting(UserId userId, TierId tierId) {
    }

    private static final class BookingSeats {
        private final TierId tierId;
        private final int quantity;
        private Seats seats = Seats.HELD;

        private BookingSeats(TierId tierId, int quantity) {
            this.tierId = tierId;
            this.quantity = quantity;
        }
    }

    private final class TierCount {
        private Tier definition;
        private int held;
        private int confirmed;

        private TierCount(Tier definition) {
            this.definition = definition;
        }

        void move(int heldChange, int confirmedChange) {
            held += heldChange;
            confirmed += confirmedChange;
            requireWithinCapacity();
        }

        void requireWithinCapacity() {
            if (held < 0 || confirmed < 0 || held + confirmed > definition.capacity()) {
                throw new IllegalStateException("Seat counts of tier " + definition.tierId() + " of gathering " + gatheringId
                        + " break: held=" + held + " confirmed=" + confirmed + " capacity=" + definition.capacity());
            }
        }

        TierAsOf view() {
            return new TierAsOf(definition.tierId(), definition.name(), definition.price(), definition.capacity(), held, confirmed,
                    definition.capacity() - held - confirmed);
        }
    }
}
