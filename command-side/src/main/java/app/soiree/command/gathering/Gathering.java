package app.soiree.command.gathering;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.Money;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.AnnouncementPosted;
import app.soiree.api.gathering.BookingId;
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
import app.soiree.api.gathering.HoldOutcome;
import app.soiree.api.gathering.HoldSeats;
import app.soiree.api.gathering.HoldSeatsBatch;
import app.soiree.api.gathering.JoinWaitlist;
import app.soiree.api.gathering.PostAnnouncement;
import app.soiree.api.gathering.PublishGathering;
import app.soiree.api.gathering.ReleaseHold;
import app.soiree.api.gathering.ReviewGathering;
import app.soiree.api.gathering.SeatsConfirmation;
import app.soiree.api.gathering.Tier;
import app.soiree.api.identity.UserId;
import app.soiree.command.social.GuestBans;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A gathering and every seat of it. All bookings of one gathering meet here, so this is where
 * capacity is enforced: commands for one aggregate are handled one at a time, and the event store's
 * unique sequence numbers refuse a concurrent append from anywhere else. The aggregate is cached, so
 * a rush of bookings does not replay the stream for every command, and snapshotted (its fields, as
 * JSON), so that loading it after a restart does not either.
 *
 * <p>The root keeps the gathering's lifecycle (moves in {@link GatheringTransitions}) and its reviews; the seats
 * are its member {@link GatheringSeats}, with a {@link TierSeats} entity per tier and a {@link BookedSeats} entity
 * per booking. Every command still arrives here, so that a booking or tier that does not exist is answered as
 * before (404, {@code UNKNOWN_TIER}) rather than with Axon's missing-entity error.
 *
 * <p>The snapshot's {@link Revision} names the shape of these fields: a snapshot of another shape is skipped
 * (Axon's revision snapshot filter) and the gathering is rebuilt from its events. Change it with the fields.
 */
@Aggregate(cache = "gatheringCache", snapshotTriggerDefinition = "gatheringSnapshotTrigger")
@Revision(Gathering.SNAPSHOT_REVISION)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class Gathering {

    static final String END_DEADLINE = "gathering-end";
    static final String HOLD_EXPIRY_DEADLINE = "hold-expiry";
    /**
     * 1 (no revision): tiers, bookings and the offer count were fields of the root. 2: they are {@link GatheringSeats}.
     * 3: the count of announcements. 4: a booking remembers the guest's cancel request and the refund it answered.
     */
    static final String SNAPSHOT_REVISION = "4";

    // State fields are not final: snapshots restore them field by field.
    @AggregateIdentifier
    private GatheringId gatheringId;
    private UserId hostId;
    private GatheringStatus status;
    private GatheringDetails details;
    @AggregateMember
    private GatheringSeats seats = new GatheringSeats();
    private Set<UserId> reviewers = new HashSet<>();
    private int announcements;

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
        if (GatheringTransitions.isFinal(status)) {
            throw new SoireeException(ErrorCode.EDIT_NOT_ALLOWED, "A " + status.name().toLowerCase() + " gathering cannot be edited");
        }
        GatheringDetails edited = command.changes().applyTo(details);
        List<Tier> newTiers = command.changes().tiers() == null ? seats.tierDefinitions() : List.copyOf(command.changes().tiers());
        if (status == GatheringStatus.PUBLISHED) {
            GatheringRules.requireHarmlessToBookings(details, edited, seats.tiers(), newTiers);
        }
        GatheringRules.requireValidDetails(edited);
        GatheringRules.requireValidTiers(newTiers);
        apply(new GatheringEdited(gatheringId, edited, newTiers, clock.instant()));
    }

    @CommandHandler
    void handle(PublishGathering command, Clock clock, DeadlineManager deadlines) {
        requireHost(command.requestedBy());
        if (!GatheringTransitions.allows(status, GatheringStatus.PUBLISHED)) {
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
        if (!GatheringTransitions.allows(status, GatheringStatus.CANCELLED)) {
            throw SoireeException.conflict("A " + status.name().toLowerCase() + " gathering cannot be cancelled");
        }
        Instant now = clock.instant();
        List<BookingId> active = seats.activeBookings();
        apply(new GatheringCancelled(gatheringId, hostId, command.reason(), active, now));
        seats.giveBackAll(active, gatheringId, now);
        deadlines.cancelAllWithinScope(END_DEADLINE);
    }

    // A deadline handler's first parameter is the deadline's payload.
    @DeadlineHandler(deadlineName = END_DEADLINE)
    void end(GatheringId endingGathering, Clock clock) {
        if (!GatheringTransitions.allows(status, GatheringStatus.ENDED)) {
            return;
        }
        Instant now = clock.instant();
        seats.expireAllHolds(gatheringId, now);
        apply(new GatheringEnded(gatheringId, hostId, now));
    }

    /** Answers the seats reserved, or {@code SoldOut} when the tier has too few seats left. */
    @CommandHandler
    HoldOutcome handle(HoldSeats command, Clock clock, BookingPolicy policy, DeadlineManager deadlines, GuestBans bans) {
        refuseIfBanned(command.guestId(), bans);
        return seats.hold(command, terms(), clock.instant(), policy, deadlines);
    }

    /**
     * Several guests' holds at once ({@link HoldBatches}), each decided as its own {@link HoldSeats} would be, in the
     * order they came, and answered on its own. A refusal answers its hold alone: a hold is refused before its first
     * event, so nothing of it stays applied. While a hold is decided the unit of work's message is that hold's own
     * command, so what it makes (its events, its expiry deadline) carries its sender and its cause, not the batch's.
     */
    @CommandHandler
    List<HoldSeatsBatch.Answer> handle(HoldSeatsBatch batch, Clock clock, BookingPolicy policy, DeadlineManager deadlines,
                                       GuestBans bans) {
        @SuppressWarnings("unchecked")
        UnitOfWork<Message<?>> unitOfWork = (UnitOfWork<Message<?>>) CurrentUnitOfWork.get();
        Message<?> batchMessage = unitOfWork.getMessage();
        List<HoldSeatsBatch.Answer> answers = new ArrayList<>(batch.holds().size());
        GuestBans batchBans = bans.of(hostId, batch.holds().stream().map(hold -> hold.command().guestId()).toList());
        try {
            for (HoldSeatsBatch.Hold hold : batch.holds()) {
                unitOfWork.transformMessage(current -> HoldBatches.asCommand(hold));
                try {
                    if (!hold.command().gatheringId().equals(gatheringId)) {
                        throw new SoireeException(ErrorCode.VALIDATION_FAILED, "A batch holds seats of one gathering only");
                    }
                    HoldOutcome outcome = handle(hold.command(), clock, policy, deadlines, batchBans);
                    answers.add(HoldSeatsBatch.Answer.of(outcome, seats.available(hold.command().tierId())));
                } catch (SoireeException refusal) {
                    answers.add(HoldSeatsBatch.Answer.refused(refusal.code().name(), refusal.getMessage(),
                            seats.available(hold.command().tierId())));
                }
            }
        } finally {
            unitOfWork.transformMessage(current -> batchMessage);
        }
        return answers;
    }

    @CommandHandler
    SeatsConfirmation handle(ConfirmSeats command, Clock clock) {
        return seats.confirm(command.bookingId(), terms(), clock.instant());
    }

    @CommandHandler
    void handle(ReleaseHold command, Clock clock, BookingPolicy policy, DeadlineManager deadlines) {
        seats.release(command.bookingId(), terms(), clock.instant(), policy, deadlines);
    }

    @DeadlineHandler(deadlineName = HOLD_EXPIRY_DEADLINE)
    void expireHold(BookingId bookingId, Clock clock, BookingPolicy policy, DeadlineManager deadlines) {
        seats.expireHold(bookingId, terms(), clock.instant(), policy, deadlines);
    }

    /** Answers the refund the policy grants (zero for holds and free seats). */
    @CommandHandler
    Money handle(CancelBooking command, Clock clock, BookingPolicy policy, DeadlineManager deadlines) {
        return seats.cancel(command, terms(), clock.instant(), policy, deadlines);
    }

    @CommandHandler
    int handle(JoinWaitlist command, Clock clock, GuestBans bans) {
        refuseIfBanned(command.userId(), bans);
        return seats.joinWaitlist(command, terms(), clock.instant());
    }

    @CommandHandler
    void handle(CheckInGuest command, Clock clock) {
        requireHost(command.requestedBy());
        seats.checkIn(command, terms(), clock.instant());
    }

    @CommandHandler
    void handle(ReviewGathering command, Clock clock) {
        if (command.rating() < 1 || command.rating() > 5) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "rating must be between 1 and 5");
        }
        if (status != GatheringStatus.ENDED) {
            throw new SoireeException(ErrorCode.REVIEW_NOT_OPEN, "Reviews open when the gathering has ended");
        }
        if (!seats.attended(command.guestId())) {
            throw new SoireeException(ErrorCode.NOT_ATTENDED, "Only guests who were checked in can review");
        }
        if (reviewers.contains(command.guestId())) {
            throw new SoireeException(ErrorCode.ALREADY_REVIEWED, "You have already reviewed this gathering");
        }
        apply(new GatheringReviewed(gatheringId, hostId, command.guestId(), command.rating(), command.text(), clock.instant()));
    }

    @CommandHandler
    void handle(PostAnnouncement command, Clock clock) {
        requireHost(command.requestedBy());
        if (status != GatheringStatus.PUBLISHED) {
            throw SoireeException.conflict("Only a published gathering makes announcements; this one is " + status);
        }
        if (announcements >= command.limit()) {
            throw new SoireeException(ErrorCode.ANNOUNCEMENT_LIMIT_REACHED,
                    "A gathering makes at most " + command.limit() + " announcements");
        }
        apply(new AnnouncementPosted(gatheringId, command.announcementId(), hostId, command.text(), clock.instant()));
    }

    /** Asked before anything else about seats, so a barred guest learns nothing of them. */
    private void refuseIfBanned(UserId guestId, GuestBans bans) {
        if (bans.banned(hostId, guestId)) {
            throw new SoireeException(ErrorCode.BANNED_BY_HOST, "The host of this gathering does not take your bookings");
        }
    }

    private GatheringSeats.Terms terms() {
        return new GatheringSeats.Terms(gatheringId, hostId, status, details);
    }

    private void requireHost(UserId requestedBy) {
        if (!hostId.equals(requestedBy)) {
            // Not yours looks exactly like not there.
            throw SoireeException.notFound("Gathering");
        }
    }

    @EventSourcingHandler
    void on(GatheringCreated event) {
        gatheringId = event.gatheringId();
        hostId = event.hostId();
        status = GatheringStatus.DRAFT;
        details = event.details();
    }

    @EventSourcingHandler
    void on(GatheringEdited event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(GatheringPublished event) {
        status = GatheringStatus.PUBLISHED;
    }

    @EventSourcingHandler
    void on(GatheringCancelled event) {
        status = GatheringStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(GatheringEnded event) {
        status = GatheringStatus.ENDED;
    }

    @EventSourcingHandler
    void on(AnnouncementPosted event) {
        announcements++;
    }

    @EventSourcingHandler
    void on(GatheringReviewed event) {
        reviewers.add(event.guestId());
    }
}
