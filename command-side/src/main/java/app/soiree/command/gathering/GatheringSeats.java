package app.soiree.command.gathering;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.Money;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.BookingStatus;
import app.soiree.api.gathering.CancelBooking;
import app.soiree.api.gathering.CheckInGuest;
import app.soiree.api.gathering.GatheringCreated;
import app.soiree.api.gathering.GatheringDetails;
import app.soiree.api.gathering.GatheringEdited;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringStatus;
import app.soiree.api.gathering.GuestCheckedIn;
import app.soiree.api.gathering.HoldExpired;
import app.soiree.api.gathering.HoldOutcome;
import app.soiree.api.gathering.HoldSeats;
import app.soiree.api.gathering.JoinWaitlist;
import app.soiree.api.gathering.SeatsConfirmation;
import app.soiree.api.gathering.SeatsConfirmed;
import app.soiree.api.gathering.SeatsHeld;
import app.soiree.api.gathering.SeatsReservation;
import app.soiree.api.gathering.SoldOut;
import app.soiree.api.gathering.Tier;
import app.soiree.api.gathering.TierId;
import app.soiree.api.gathering.WaitlistJoined;
import app.soiree.api.gathering.WaitlistOfferMade;
import app.soiree.api.identity.UserId;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateMember;
import org.jspecify.annotations.Nullable;

/**
 * The seats of a {@link Gathering}: its tiers ({@link TierSeats}, with their waitlists) and its bookings
 * ({@link BookedSeats}), entities of the gathering that source their own state from its events (the tiers through Axon,
 * each booking from this class, which finds it by its key). It lives inside the
 * gathering aggregate on purpose: capacity is a rule over all bookings of all tiers, and the aggregate is the one
 * place where they are decided one at a time. The gathering receives every command and passes what the seats need
 * of it ({@link Terms}); this class decides and applies the events about seats.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
final class GatheringSeats {

    /** What the seats need to know of their gathering. */
    record Terms(GatheringId gatheringId, UserId hostId, GatheringStatus status, GatheringDetails details) {

        boolean bookableAt(Instant now) {
            return status == GatheringStatus.PUBLISHED && now.isBefore(details.startsAt());
        }
    }

    // Not final: snapshots restore them field by field.
    @AggregateMember
    private Map<TierId, TierSeats> tiers = new LinkedHashMap<>();
    /**
     * Not an {@code @AggregateMember}: Axon finds the entities an event is about by asking every entity of the map for its
     * id ({@code ForwardMatchingInstances}), a walk over all bookings for each event with a booking id, applied or replayed
     * (30,000 at the end of a large gathering). The events about a booking are handed to it here, by its key.
     */
    private Map<BookingId, BookedSeats> bookings = new LinkedHashMap<>();
    private int offersMade;
    /**
     * Each guest's bookings, so that "has this guest seats here already?", asked on every hold, is a lookup and not a walk
     * over every booking (30,000 in a large gathering). Derived from {@link #bookings}: left out of the snapshot, and
     * rebuilt from the bookings at its first use after a load.
     */
    @JsonIgnore
    private transient @Nullable Map<UserId, List<BookingId>> bookingsByGuest;

    HoldOutcome hold(HoldSeats command, Terms terms, Instant now, BookingPolicy policy, DeadlineManager deadlines) {
        BookedSeats existing = bookings.get(command.bookingId());
        if (existing != null) {
            return existing.replay(command, terms.hostId());
        }
        requireBookable(terms, now);
        if (command.quantity() < 1 || command.quantity() > policy.maxSeatsPerBooking()) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED,
                    "quantity must be between 1 and " + policy.maxSeatsPerBooking());
        }
        TierSeats tier = tier(command.tierId());
        if (hasActiveBooking(command.guestId())) {
            throw new SoireeException(ErrorCode.ALREADY_BOOKED, "You already have seats for this gathering");
        }
        if (tier.available() < command.quantity()) {
            // A refusal, not an event: sold-out answers must stay cheap under a rush. Answered, not
            // thrown: an exception would roll back and evict this gathering from the cache (see SoldOut).
            return new SoldOut(tier.available());
        }
        return holdFor(terms, command.bookingId(), tier, command.guestId(), command.quantity(), false, now, policy, deadlines);
    }

    SeatsConfirmation confirm(BookingId bookingId, Terms terms, Instant now) {
        BookedSeats seats = booking(bookingId);
        return switch (seats.state()) {
            case CONFIRMED -> SeatsConfirmation.CONFIRMED; // confirming twice changes nothing
            case HELD -> {
                apply(new SeatsConfirmed(terms.gatheringId(), bookingId, seats.tierId(), seats.guestId(), seats.quantity(),
                        seats.amount(), now));
                yield SeatsConfirmation.CONFIRMED;
            }
            case EXPIRED -> restoreExpired(seats, terms, now);
            case RELEASED -> SeatsConfirmation.NOT_PLACED; // the guest gave the seats back before paying
        };
    }

    /**
     * The payment for an expired hold succeeded after all (the guest paid at the last second, or the
     * provider's word came late). Money paid is never lost: the seats are confirmed if they are still
     * free and the guest holds no others here; otherwise the payment is refunded.
     */
    private SeatsConfirmation restoreExpired(BookedSeats seats, Terms terms, Instant now) {
        if (!terms.bookableAt(now) || tiers.get(seats.tierId()).available() < seats.quantity() || hasActiveBooking(seats.guestId())) {
            return SeatsConfirmation.NOT_PLACED;
        }
        apply(new SeatsConfirmed(terms.gatheringId(), seats.bookingId(), seats.tierId(), seats.guestId(), seats.quantity(),
                seats.amount(), now));
        return SeatsConfirmation.CONFIRMED;
    }

    /** The guest gives held seats back before paying; anything else about the booking stays as it is. */
    void release(BookingId bookingId, Terms terms, Instant now, BookingPolicy policy, DeadlineManager deadlines) {
        BookedSeats seats = booking(bookingId);
        if (seats.state() == BookedSeats.State.HELD) {
            expire(seats, terms, now, policy, deadlines);
        }
    }

    void expireHold(BookingId bookingId, Terms terms, Instant now, BookingPolicy policy, DeadlineManager deadlines) {
        BookedSeats seats = bookings.get(bookingId);
        if (seats == null || seats.state() != BookedSeats.State.HELD) {
            return; // confirmed, cancelled or failed in time: the hold resolved already
        }
        expire(seats, terms, now, policy, deadlines);
    }

    private void expire(BookedSeats seats, Terms terms, Instant now, BookingPolicy policy, DeadlineManager deadlines) {
        apply(new HoldExpired(terms.gatheringId(), seats.bookingId(), seats.tierId(), seats.guestId(), seats.quantity(), now));
        offerReturnedSeats(tiers.get(seats.tierId()), terms, now, policy, deadlines);
    }

    /**
     * Answers the refund the policy grants (zero for holds and free seats); the request that gave the seats back, carried
     * out again, is answered the same and changes nothing.
     */
    Money cancel(CancelBooking command, Terms terms, Instant now, BookingPolicy policy, DeadlineManager deadlines) {
        BookedSeats seats = booking(command.bookingId());
        if (seats.cancelledBy(command)) {
            return seats.refundAnswered();
        }
        Money refund = seats.cancelByGuest(command, terms, now);
        offerReturnedSeats(tiers.get(seats.tierId()), terms, now, policy, deadlines);
        return refund;
    }

    void giveBackAll(List<BookingId> active, GatheringId gatheringId, Instant now) {
        active.forEach(bookingId -> bookings.get(bookingId).cancelByHost(gatheringId, now));
    }

    /** The gathering ends: holds still unpaid end with it. */
    void expireAllHolds(GatheringId gatheringId, Instant now) {
        bookings.values().stream().filter(seats -> seats.state() == BookedSeats.State.HELD).forEach(seats -> apply(
                new HoldExpired(gatheringId, seats.bookingId(), seats.tierId(), seats.guestId(), seats.quantity(), now)));
    }

    int joinWaitlist(JoinWaitlist command, Terms terms, Instant now) {
        requireBookable(terms, now);
        TierSeats tier = tier(command.tierId());
        int queued = tier.positionOf(command.userId());
        if (queued > 0) {
            return queued;
        }
        if (hasActiveBooking(command.userId())) {
            throw new SoireeException(ErrorCode.ALREADY_BOOKED, "You already have seats for this gathering");
        }
        if (tier.available() > 0) {
            throw new SoireeException(ErrorCode.NOT_SOLD_OUT, "This tier still has seats; book one instead");
        }
        int position = tier.waitlist().size() + 1;
        apply(new WaitlistJoined(terms.gatheringId(), command.tierId(), command.userId(), position, now));
        return position;
    }

    /** The gathering has checked that the host asks, before anything about the booking is told. */
    void checkIn(CheckInGuest command, Terms terms, Instant now) {
        booking(command.bookingId()).checkIn(terms, now);
    }

    List<BookingId> activeBookings() {
        return bookings.entrySet().stream().filter(e -> e.getValue().isActive()).map(Map.Entry::getKey).toList();
    }

    boolean attended(UserId guestId) {
        return bookings.values().stream().anyMatch(seats -> seats.guestId().equals(guestId) && seats.isCheckedIn());
    }

    Map<TierId, TierSeats> tiers() {
        return Collections.unmodifiableMap(tiers);
    }

    List<Tier> tierDefinitions() {
        return tiers.values().stream().map(TierSeats::tier).toList();
    }

    private SeatsReservation holdFor(Terms terms, BookingId bookingId, TierSeats tier, UserId guestId, int quantity, boolean fromWaitlist,
                                     Instant now, BookingPolicy policy, DeadlineManager deadlines) {
        Tier definition = tier.tier();
        Money amount = definition.price().times(quantity);
        if (definition.isFree()) {
            apply(new SeatsHeld(terms.gatheringId(), terms.hostId(), bookingId, definition.tierId(), guestId, quantity, amount, null,
                    fromWaitlist, now));
            apply(new SeatsConfirmed(terms.gatheringId(), bookingId, definition.tierId(), guestId, quantity, amount, now));
            return new SeatsReservation(bookingId, terms.hostId(), BookingStatus.CONFIRMED, amount, null);
        }
        Instant expiresAt = now.plus(policy.holdDuration());
        apply(new SeatsHeld(terms.gatheringId(), terms.hostId(), bookingId, definition.tierId(), guestId, quantity, amount, expiresAt,
                fromWaitlist, now));
        deadlines.schedule(expiresAt, Gathering.HOLD_EXPIRY_DEADLINE, bookingId);
        return new SeatsReservation(bookingId, terms.hostId(), BookingStatus.HELD, amount, expiresAt);
    }

    /** Returned seats go to the people waiting for them, first come first served, one seat each. */
    private void offerReturnedSeats(TierSeats tier, Terms terms, Instant now, BookingPolicy policy, DeadlineManager deadlines) {
        // The status is the gathering's as the command found it: nothing here publishes, cancels or ends it.
        while (tier.available() > 0 && !tier.waitlist().isEmpty() && terms.status() == GatheringStatus.PUBLISHED) {
            UserId next = tier.waitlist().peekFirst();
            BookingId offer = offerBookingId(terms.gatheringId(), next);
            SeatsReservation reservation = holdFor(terms, offer, tier, next, 1, true, now, policy, deadlines);
            Instant offeredUntil = reservation.holdExpiresAt() != null ? reservation.holdExpiresAt() : now;
            apply(new WaitlistOfferMade(terms.gatheringId(), tier.tier().tierId(), next, offer, offeredUntil));
        }
    }

    /** Ids come from the caller, never from randomness here: derived from the gathering and the running offer count. */
    private BookingId offerBookingId(GatheringId gatheringId, UserId userId) {
        String seed = "waitlist-offer:" + gatheringId + ":" + userId + ":" + offersMade;
        return new BookingId(UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)));
    }

    private void requireBookable(Terms terms, Instant now) {
        if (!terms.bookableAt(now)) {
            throw new SoireeException(ErrorCode.GATHERING_NOT_BOOKABLE, "This gathering is not open for booking");
        }
    }

    /** The seats the tier has left now; none for a tier this gathering does not have. */
    @Nullable Integer available(TierId tierId) {
        TierSeats tier = tiers.get(tierId);
        return tier == null ? null : tier.available();
    }

    private TierSeats tier(TierId tierId) {
        TierSeats tier = tiers.get(tierId);
        if (tier == null) {
            throw new SoireeException(ErrorCode.UNKNOWN_TIER, "This gathering has no tier " + tierId);
        }
        return tier;
    }

    private BookedSeats booking(BookingId bookingId) {
        BookedSeats seats = bookings.get(bookingId);
        if (seats == null) {
            throw SoireeException.notFound("Booking");
        }
        return seats;
    }

    private boolean hasActiveBooking(UserId guestId) {
        for (BookingId bookingId : bookingsByGuest().getOrDefault(guestId, List.of())) {
            if (bookings.get(bookingId).isActive()) {
                return true;
            }
        }
        return false;
    }

    private Map<UserId, List<BookingId>> bookingsByGuest() {
        Map<UserId, List<BookingId>> index = bookingsByGuest;
        if (index == null) {
            index = new HashMap<>();
            for (BookedSeats seats : bookings.values()) {
                file(index, seats.guestId(), seats.bookingId());
            }
            bookingsByGuest = index;
        }
        return index;
    }

    private static void file(Map<UserId, List<BookingId>> index, UserId guestId, BookingId bookingId) {
        index.computeIfAbsent(guestId, guest -> new ArrayList<>(1)).add(bookingId);
    }

    @EventSourcingHandler
    void on(GatheringCreated event) {
        event.tiers().forEach(tier -> tiers.put(tier.tierId(), new TierSeats(tier)));
    }

    @EventSourcingHandler
    void on(GatheringEdited event) {
        Map<TierId, TierSeats> previous = new LinkedHashMap<>(tiers);
        tiers.clear();
        for (Tier tier : event.tiers()) {
            TierSeats seats = previous.getOrDefault(tier.tierId(), new TierSeats(tier));
            seats.redefine(tier);
            tiers.put(tier.tierId(), seats);
        }
    }

    @EventSourcingHandler
    void on(SeatsHeld event) {
        bookings.put(event.bookingId(), new BookedSeats(event.bookingId(), event.tierId(), event.guestId(), event.quantity(),
                event.amount()));
        if (bookingsByGuest != null) {
            file(bookingsByGuest, event.guestId(), event.bookingId());
        }
    }

    /** Both members move here, in one step: the tier's count depends on whether the booking was held or had expired. */
    @EventSourcingHandler
    void on(SeatsConfirmed event) {
        BookedSeats seats = bookings.get(event.bookingId());
        TierSeats tier = tiers.get(event.tierId());
        if (seats.state() == BookedSeats.State.EXPIRED) {
            tier.confirmRestored(event.quantity());
        } else {
            tier.confirmHeld(event.quantity());
        }
        seats.confirm();
    }

    @EventSourcingHandler
    void on(HoldExpired event) {
        bookingAbout(event.bookingId()).ifPresent(BookedSeats::expired);
    }

    @EventSourcingHandler
    void on(BookingCancelled event) {
        bookingAbout(event.bookingId()).ifPresent(seats -> seats.released(event));
    }

    @EventSourcingHandler
    void on(GuestCheckedIn event) {
        bookingAbout(event.bookingId()).ifPresent(BookedSeats::checkedIn);
    }

    @EventSourcingHandler
    void on(WaitlistOfferMade event) {
        offersMade++;
    }

    /** As Axon's forwarding did: an event about a booking this gathering does not know changes nothing. */
    private Optional<BookedSeats> bookingAbout(BookingId bookingId) {
        return Optional.ofNullable(bookings.get(bookingId));
    }
}
