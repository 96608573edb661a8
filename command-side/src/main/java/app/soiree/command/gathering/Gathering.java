package app.soiree.command.gathering;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.Money;
import app.soiree.api.booking.BookingId;
import app.soiree.api.booking.BookingStatus;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.gathering.CancelBooking;
import app.soiree.api.gathering.CancelGathering;
import app.soiree.api.gathering.CheckInGuest;
import app.soiree.api.gathering.ConfirmSeats;
import app.soiree.api.gathering.CreateGathering;
import app.soiree.api.gathering.EditGathering;
import app.soiree.api.gathering.GatheringCancelled;
import app.soiree.api.gathering.GatheringCreated;
import app.soiree.api.gathering.GatheringDetails;
import app.soiree.api.gathering.GatheringEdited;
import app.soiree.api.gathering.GatheringEnded;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringPublished;
import app.soiree.api.gathering.GatheringReviewed;
import app.soiree.api.gathering.GatheringStatus;
import app.soiree.api.gathering.GuestCheckedIn;
import app.soiree.api.gathering.HoldExpired;
import app.soiree.api.gathering.HoldSeats;
import app.soiree.api.gathering.JoinWaitlist;
import app.soiree.api.gathering.PublishGathering;
import app.soiree.api.gathering.ReleaseHold;
import app.soiree.api.gathering.ReviewGathering;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A gathering and every seat of it. All bookings of one gathering meet here, so this is where
 * capacity is enforced: commands for one aggregate are handled one at a time, and the event store's
 * unique sequence numbers refuse a concurrent append from anywhere else. The aggregate is cached, so
 * a rush of bookings does not replay the stream for every command, and snapshotted (its fields, as
 * JSON), so that loading it after a restart does not either.
 */
@Aggregate(cache = "gatheringCache", snapshotTriggerDefinition = "gatheringSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class Gathering {

    static final String END_DEADLINE = "gathering-end";
    static final String HOLD_EXPIRY_DEADLINE = "hold-expiry";

    // State fields are not final: snapshots restore them field by field.
    @AggregateIdentifier
    private GatheringId gatheringId;
    private UserId hostId;
    private GatheringStatus status;
    private GatheringDetails details;
    private Map<TierId, TierSeats> tiers = new LinkedHashMap<>();
    private Map<BookingId, BookedSeats> bookings = new LinkedHashMap<>();
    private Set<UserId> reviewers = new HashSet<>();
    private int offersMade;

    protected Gathering() {
        // for Axon's event sourcing
    }

    @CommandHandler
    Gathering(CreateGathering command, Clock clock) {
        GatheringRules.requireValidDetails(command.details());
        GatheringRules.requireValidTiers(command.tiers());
        apply(new GatheringCreated(command.gatheringId(), command.hostId(), command.details(), List.copyOf(command.tiers()), clock.instant()));
    }

    @CommandHandler
    void handle(EditGathering command, Clock clock) {
        requireHost(command.requestedBy());
        if (status == GatheringStatus.CANCELLED || status == GatheringStatus.ENDED) {
            throw new SoireeException(ErrorCode.EDIT_NOT_ALLOWED, "A " + status.name().toLowerCase() + " gathering cannot be edited");
        }
        GatheringDetails edited = command.changes().applyTo(details);
        List<Tier> newTiers = command.changes().tiers() == null ? currentTiers() : List.copyOf(command.changes().tiers());
        if (status == GatheringStatus.PUBLISHED) {
            GatheringRules.requireHarmlessToBookings(details, edited, tiers, newTiers);
        }
        GatheringRules.requireValidDetails(edited);
        GatheringRules.requireValidTiers(newTiers);
        apply(new GatheringEdited(gatheringId, edited, newTiers, clock.instant()));
    }

    @CommandHandler
    void handle(PublishGathering command, Clock clock, DeadlineManager deadlines) {
        requireHost(command.requestedBy());
        if (status != GatheringStatus.DRAFT) {
            throw SoireeException.conflict("Only a draft can be published; this gathering is " + status);
        }
        if (!details.startsAt().isAfter(clock.instant())) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "A gathering that has already started cannot be published");
        }
        apply(new GatheringPublished(gatheringId, hostId, clock.instant()));
        deadlines.schedule(details.endsAt(), END_DEADLINE, gatheringId);
    }

    @CommandHandler
    void handle(CancelGathering command, Clock clock, DeadlineManager deadlines) {
        requireHost(command.requestedBy());
        if (status != GatheringStatus.DRAFT && status != GatheringStatus.PUBLISHED) {
            throw SoireeException.conflict("A " + status.name().toLowerCase() + " gathering cannot be cancelled");
        }
        Instant now = clock.instant();
        List<BookingId> active = bookings.entrySet().stream().filter(e -> e.getValue().isActive()).map(Map.Entry::getKey).toList();
        apply(new GatheringCancelled(gatheringId, hostId, command.reason(), active, now));
        for (BookingId bookingId : active) {
            BookedSeats seats = bookings.get(bookingId);
            boolean confirmed = seats.state() == BookedSeats.State.CONFIRMED;
            // The host called it off: every guest gets everything back, whatever the policy says.
            Money refund = confirmed ? seats.amount() : Money.zero(seats.amount().currency());
            apply(new BookingCancelled(gatheringId, bookingId, seats.tierId(), seats.guestId(), seats.quantity(), confirmed, refund, now,
                    true));
        }
        deadlines.cancelAllWithinScope(END_DEADLINE);
    }

    // A deadline handler's first parameter is the deadline's payload.
    @DeadlineHandler(deadlineName = END_DEADLINE)
    void end(GatheringId endingGathering, Clock clock) {
        if (status != GatheringStatus.PUBLISHED) {
            return;
        }
        Instant now = clock.instant();
        bookings.forEach((bookingId, seats) -> {
            if (seats.state() == BookedSeats.State.HELD) {
                apply(new HoldExpired(gatheringId, bookingId, seats.tierId(), seats.guestId(), seats.quantity(), now));
            }
        });
        apply(new GatheringEnded(gatheringId, hostId, now));
    }

    /** Answers the {@link SeatsReservation}, or {@link SoldOut} when the tier has too few seats left. */
    @CommandHandler
    Object handle(HoldSeats command, Clock clock, BookingPolicy policy, DeadlineManager deadlines) {
        BookedSeats existing = bookings.get(command.bookingId());
        if (existing != null) {
            return replayOf(command, existing);
        }
        requireBookable(clock.instant());
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
        return holdFor(command.bookingId(), tier, command.guestId(), command.quantity(), false, clock.instant(), policy.holdDuration(), deadlines);
    }

    @CommandHandler
    SeatsConfirmation handle(ConfirmSeats command, Clock clock) {
        BookedSeats seats = booking(command.bookingId());
        return switch (seats.state()) {
            case CONFIRMED -> SeatsConfirmation.CONFIRMED; // confirming twice changes nothing
            case HELD -> {
                apply(new SeatsConfirmed(gatheringId, command.bookingId(), seats.tierId(), seats.guestId(), seats.quantity(),
                        seats.amount(), clock.instant()));
                yield SeatsConfirmation.CONFIRMED;
            }
            case EXPIRED -> restoreExpired(command.bookingId(), seats, clock.instant());
            case RELEASED -> SeatsConfirmation.NOT_PLACED; // the guest gave the seats back before paying
        };
    }

    /**
     * The payment for an expired hold succeeded after all (the guest paid at the last second, or the
     * provider's word came late). Money paid is never lost: the seats are confirmed if they are still
     * free and the guest holds no others here; otherwise the payment is refunded.
     */
    private SeatsConfirmation restoreExpired(BookingId bookingId, BookedSeats seats, Instant now) {
        boolean stillBookable = status == GatheringStatus.PUBLISHED && now.isBefore(details.startsAt());
        if (!stillBookable || tiers.get(seats.tierId()).available() < seats.quantity() || hasActiveBooking(seats.guestId())) {
            return SeatsConfirmation.NOT_PLACED;
        }
        apply(new SeatsConfirmed(gatheringId, bookingId, seats.tierId(), seats.guestId(), seats.quantity(), seats.amount(), now));
        return SeatsConfirmation.CONFIRMED;
    }

    @CommandHandler
    void handle(ReleaseHold command, Clock clock, BookingPolicy policy, DeadlineManager deadlines) {
        BookedSeats seats = booking(command.bookingId());
        if (seats.state() == BookedSeats.State.HELD) {
            expire(command.bookingId(), seats, clock.instant(), policy, deadlines);
        }
    }

    @DeadlineHandler(deadlineName = HOLD_EXPIRY_DEADLINE)
    void expireHold(BookingId bookingId, Clock clock, BookingPolicy policy, DeadlineManager deadlines) {
        BookedSeats seats = bookings.get(bookingId);
        if (seats == null || seats.state() != BookedSeats.State.HELD) {
            return; // confirmed, cancelled or failed in time: the hold resolved already
        }
        expire(bookingId, seats, clock.instant(), policy, deadlines);
    }

    private void expire(BookingId bookingId, BookedSeats seats, Instant now, BookingPolicy policy, DeadlineManager deadlines) {
        apply(new HoldExpired(gatheringId, bookingId, seats.tierId(), seats.guestId(), seats.quantity(), now));
        offerReturnedSeats(tiers.get(seats.tierId()), now, policy, deadlines);
    }

    /** Answers the refund the policy grants (zero for holds and free seats). */
    @CommandHandler
    Money handle(CancelBooking command, Clock clock, BookingPolicy policy, DeadlineManager deadlines) {
        BookedSeats seats = booking(command.bookingId());
        if (!seats.guestId().equals(command.requestedBy())) {
            throw SoireeException.notFound("Booking");
        }
        if (!seats.isActive()) {
            throw new SoireeException(ErrorCode.BOOKING_NOT_ACTIVE, "This booking is no longer active");
        }
        Instant now = clock.instant();
        if (!now.isBefore(details.startsAt())) {
            throw SoireeException.conflict("A booking cannot be cancelled once the gathering has started");
        }
        boolean confirmed = seats.state() == BookedSeats.State.CONFIRMED;
        Money refund = confirmed ? details.refundPolicy().refundFor(seats.amount(), details.startsAt(), now)
                : Money.zero(seats.amount().currency());
        apply(new BookingCancelled(gatheringId, command.bookingId(), seats.tierId(), seats.guestId(), seats.quantity(), confirmed, refund,
                now, false));
        offerReturnedSeats(tiers.get(seats.tierId()), now, policy, deadlines);
        return refund;
    }

    @CommandHandler
    int handle(JoinWaitlist command, Clock clock) {
        requireBookable(clock.instant());
        TierSeats tier = tier(command.tierId());
        int queued = List.copyOf(tier.waitlist()).indexOf(command.userId());
        if (queued >= 0) {
            return queued + 1;
        }
        if (hasActiveBooking(command.userId())) {
            throw new SoireeException(ErrorCode.ALREADY_BOOKED, "You already have seats for this gathering");
        }
        if (tier.available() > 0) {
            throw new SoireeException(ErrorCode.NOT_SOLD_OUT, "This tier still has seats; book one instead");
        }
        int position = tier.waitlist().size() + 1;
        apply(new WaitlistJoined(gatheringId, command.tierId(), command.userId(), position, clock.instant()));
        return position;
    }

    @CommandHandler
    void handle(CheckInGuest command, Clock clock) {
        requireHost(command.requestedBy());
        BookedSeats seats = booking(command.bookingId());
        if (seats.state() != BookedSeats.State.CONFIRMED) {
            throw new SoireeException(ErrorCode.BOOKING_NOT_CONFIRMED, "Only a confirmed booking can be checked in");
        }
        if (seats.isCheckedIn()) {
            throw new SoireeException(ErrorCode.ALREADY_CHECKED_IN, "This booking is already checked in");
        }
        if (status != GatheringStatus.PUBLISHED && status != GatheringStatus.ENDED) {
            throw SoireeException.conflict("Guests can be checked in only at a published gathering");
        }
        apply(new GuestCheckedIn(gatheringId, command.bookingId(), seats.guestId(), clock.instant()));
    }

    @CommandHandler
    void handle(ReviewGathering command, Clock clock) {
        if (command.rating() < 1 || command.rating() > 5) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "rating must be between 1 and 5");
        }
        if (status != GatheringStatus.ENDED) {
            throw new SoireeException(ErrorCode.REVIEW_NOT_OPEN, "Reviews open when the gathering has ended");
        }
        boolean attended = bookings.values().stream()
                .anyMatch(seats -> seats.guestId().equals(command.guestId()) && seats.isCheckedIn());
        if (!attended) {
            throw new SoireeException(ErrorCode.NOT_ATTENDED, "Only guests who were checked in can review");
        }
        if (reviewers.contains(command.guestId())) {
            throw new SoireeException(ErrorCode.ALREADY_REVIEWED, "You have already reviewed this gathering");
        }
        apply(new GatheringReviewed(gatheringId, hostId, command.guestId(), command.rating(), command.text(), clock.instant()));
    }

    private SeatsReservation holdFor(BookingId bookingId, TierSeats tier, UserId guestId, int quantity, boolean fromWaitlist,
                                     Instant now, Duration holdDuration, DeadlineManager deadlines) {
        Tier definition = tier.tier();
        Money amount = definition.price().times(quantity);
        if (definition.isFree()) {
            apply(new SeatsHeld(gatheringId, hostId, bookingId, definition.tierId(), guestId, quantity, amount, null, fromWaitlist, now));
            apply(new SeatsConfirmed(gatheringId, bookingId, definition.tierId(), guestId, quantity, amount, now));
            return new SeatsReservation(bookingId, hostId, BookingStatus.CONFIRMED, amount, null);
        }
        Instant expiresAt = now.plus(holdDuration);
        apply(new SeatsHeld(gatheringId, hostId, bookingId, definition.tierId(), guestId, quantity, amount, expiresAt, fromWaitlist, now));
        deadlines.schedule(expiresAt, HOLD_EXPIRY_DEADLINE, bookingId);
        return new SeatsReservation(bookingId, hostId, BookingStatus.HELD, amount, expiresAt);
    }

    /** Returned seats go to the people waiting for them, first come first served, one seat each. */
    private void offerReturnedSeats(TierSeats tier, Instant now, BookingPolicy policy, DeadlineManager deadlines) {
        while (tier.available() > 0 && !tier.waitlist().isEmpty() && status == GatheringStatus.PUBLISHED) {
            UserId next = tier.waitlist().peekFirst();
            BookingId offer = offerBookingId(next);
            SeatsReservation reservation = holdFor(offer, tier, next, 1, true, now, policy.holdDuration(), deadlines);
            Instant offeredUntil = reservation.holdExpiresAt() != null ? reservation.holdExpiresAt() : now;
            apply(new WaitlistOfferMade(gatheringId, tier.tier().tierId(), next, offer, offeredUntil));
        }
    }

    /** Ids come from the caller, never from randomness here: derived from the gathering and the running offer count. */
    private BookingId offerBookingId(UserId userId) {
        String seed = "waitlist-offer:" + gatheringId + ":" + userId + ":" + offersMade;
        return new BookingId(UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)));
    }

    private SeatsReservation replayOf(HoldSeats command, BookedSeats existing) {
        if (!existing.guestId().equals(command.guestId()) || !existing.tierId().equals(command.tierId())
                || existing.quantity() != command.quantity()) {
            throw SoireeException.conflict("This booking id is already used for other seats");
        }
        BookingStatus status = switch (existing.state()) {
            case HELD -> BookingStatus.HELD;
            case CONFIRMED -> BookingStatus.CONFIRMED;
            case EXPIRED -> BookingStatus.EXPIRED;
            case RELEASED -> BookingStatus.CANCELLED;
        };
        return new SeatsReservation(command.bookingId(), hostId, status, existing.amount(), null);
    }

    private void requireHost(UserId requestedBy) {
        if (!hostId.equals(requestedBy)) {
            // Not yours looks exactly like not there.
            throw SoireeException.notFound("Gathering");
        }
    }

    private void requireBookable(Instant now) {
        if (status != GatheringStatus.PUBLISHED || !now.isBefore(details.startsAt())) {
            throw new SoireeException(ErrorCode.GATHERING_NOT_BOOKABLE, "This gathering is not open for booking");
        }
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
        return bookings.values().stream().anyMatch(seats -> seats.isActive() && seats.guestId().equals(guestId));
    }

    private List<Tier> currentTiers() {
        return tiers.values().stream().map(TierSeats::tier).toList();
    }

    @EventSourcingHandler
    void on(GatheringCreated event) {
        gatheringId = event.gatheringId();
        hostId = event.hostId();
        status = GatheringStatus.DRAFT;
        details = event.details();
        event.tiers().forEach(tier -> tiers.put(tier.tierId(), new TierSeats(tier)));
    }

    @EventSourcingHandler
    void on(GatheringEdited event) {
        details = event.details();
        Map<TierId, TierSeats> previous = new LinkedHashMap<>(tiers);
        tiers.clear();
        for (Tier tier : event.tiers()) {
            TierSeats seats = previous.getOrDefault(tier.tierId(), new TierSeats(tier));
            seats.redefine(tier);
            tiers.put(tier.tierId(), seats);
        }
    }

    @EventSourcingHandler
    void on(GatheringPublished event) {
        status = GatheringStatus.PUBLISHED;
    }

    @EventSourcingHandler
    void on(GatheringCancelled event) {
        status = GatheringStatus.CANCELLED;
        tiers.values().forEach(tier -> tier.waitlist().clear());
    }

    @EventSourcingHandler
    void on(GatheringEnded event) {
        status = GatheringStatus.ENDED;
    }

    @EventSourcingHandler
    void on(SeatsHeld event) {
        TierSeats tier = tiers.get(event.tierId());
        tier.hold(event.quantity());
        // Whoever has seats waits for no others.
        tiers.values().forEach(each -> each.waitlist().remove(event.guestId()));
        bookings.put(event.bookingId(), new BookedSeats(event.tierId(), event.guestId(), event.quantity(), event.amount()));
    }

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
        tiers.get(event.tierId()).releaseHeld(event.quantity());
        bookings.get(event.bookingId()).expire();
    }

    @EventSourcingHandler
    void on(BookingCancelled event) {
        TierSeats tier = tiers.get(event.tierId());
        if (event.wasConfirmed()) {
            tier.releaseConfirmed(event.quantity());
        } else {
            tier.releaseHeld(event.quantity());
        }
        bookings.get(event.bookingId()).release();
    }

    @EventSourcingHandler
    void on(WaitlistJoined event) {
        tiers.get(event.tierId()).waitlist().addLast(event.userId());
    }

    @EventSourcingHandler
    void on(WaitlistOfferMade event) {
        offersMade++;
    }

    @EventSourcingHandler
    void on(GuestCheckedIn event) {
        bookings.get(event.bookingId()).checkIn();
    }

    @EventSourcingHandler
    void on(GatheringReviewed event) {
        reviewers.add(event.guestId());
    }
}
