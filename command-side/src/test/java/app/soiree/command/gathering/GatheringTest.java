package app.soiree.command.gathering;

import static app.soiree.command.Refusals.refusedWith;

import app.soiree.api.Money;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.gathering.AnnouncementPosted;
import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.BookingStatus;
import app.soiree.api.gathering.CancelBooking;
import app.soiree.api.gathering.CancelGathering;
import app.soiree.api.gathering.CheckInGuest;
import app.soiree.api.gathering.ConfirmSeats;
import app.soiree.api.gathering.CreateGathering;
import app.soiree.api.gathering.EditGathering;
import app.soiree.api.gathering.GatheringCancelled;
import app.soiree.api.gathering.GatheringChanges;
import app.soiree.api.gathering.GatheringCreated;
import app.soiree.api.gathering.GatheringDetails;
import app.soiree.api.gathering.GatheringEdited;
import app.soiree.api.gathering.GatheringEnded;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringPublished;
import app.soiree.api.gathering.GatheringReviewed;
import app.soiree.api.gathering.GuestCheckedIn;
import app.soiree.api.gathering.HoldExpired;
import app.soiree.api.gathering.HoldSeats;
import app.soiree.api.gathering.HoldSeatsBatch;
import app.soiree.api.gathering.JoinWaitlist;
import app.soiree.api.gathering.PostAnnouncement;
import app.soiree.api.gathering.PublishGathering;
import app.soiree.api.gathering.RefundPolicy;
import app.soiree.api.gathering.ReleaseHold;
import app.soiree.api.gathering.ReviewGathering;
import app.soiree.api.gathering.SeatsConfirmation;
import app.soiree.api.gathering.SeatsConfirmed;
import app.soiree.api.gathering.SeatsHeld;
import app.soiree.api.gathering.SeatsReservation;
import app.soiree.api.gathering.SoldOut;
import app.soiree.api.gathering.Tier;
import app.soiree.api.gathering.TierId;
import app.soiree.api.gathering.Venue;
import app.soiree.api.gathering.WaitlistJoined;
import app.soiree.api.gathering.WaitlistOfferMade;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.UserId;
import app.soiree.command.FixtureClock;
import app.soiree.command.social.GuestBans;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatheringTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final GatheringId GATHERING = new GatheringId(id(1));
    private static final UserId HOST = new UserId(id(2));
    private static final UserId ADA = new UserId(id(3));
    private static final UserId GRACE = new UserId(id(4));
    private static final UserId LINUS = new UserId(id(5));
    private static final TierId FREE = new TierId(id(10));
    private static final TierId PAID = new TierId(id(11));
    private static final BookingId ADA_BOOKING = new BookingId(id(20));
    private static final BookingId GRACE_BOOKING = new BookingId(id(21));
    private static final Duration HOLD = Duration.ofMinutes(10);
    private static final Money PRICE = Money.of(2500, "EUR");

    private static final GatheringDetails DETAILS = new GatheringDetails("Supper club", "Five courses", Instant.parse("2026-12-24T18:00:00Z"),
            Instant.parse("2026-12-24T23:00:00Z"), "Europe/Lisbon", new Venue("Casa", "Rua 1, Lisboa", null, null), false,
            List.of("food"), new RefundPolicy(48));
    private static final List<Tier> TIERS = List.of(new Tier(FREE, "Standing", Money.of(0, "EUR"), 2),
            new Tier(PAID, "Seated", PRICE, 2));

    private AggregateTestFixture<Gathering> fixture;
    /** (host, guest) pairs barred from booking, as the social directory would answer. */
    private final Set<List<UserId>> bans = new HashSet<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Gathering.class);
        fixture.registerInjectableResource(new FixtureClock(() -> fixture == null ? START : fixture.currentTime()));
        fixture.registerInjectableResource(new BookingPolicy(HOLD, 4, 100));
        fixture.registerInjectableResource((GuestBans) (hostId, guestId) -> bans.contains(List.of(hostId, guestId)));
    }

    @Test
    void aGuestTheHostBannedCannotHoldSeatsNorWait() {
        bans.add(List.of(HOST, ADA));
        given(created(), published())
                .when(new HoldSeats(GATHERING, ADA_BOOKING, FREE, ADA, 1))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.BANNED_BY_HOST));
        setUp();
        given(created(), published())
                .when(new JoinWaitlist(GATHERING, PAID, ADA))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.BANNED_BY_HOST));
        setUp();
        given(created(), published())
                .when(new HoldSeats(GATHERING, GRACE_BOOKING, FREE, GRACE, 1))
                .expectSuccessfulHandlerExecution();
    }

    /**
     * Holds decided together (HoldBatches) are decided as each would be alone, in the order they came: a refusal answers
     * its own hold and nothing of it is applied, the rest go on; and each event names the guest whose hold made it.
     */
    @Test
    void aBatchDecidesEachHoldAsItWouldAloneAndEachEventIsItsOwnGuests() {
        UserId ida = new UserId(id(6));
        bans.add(List.of(HOST, LINUS));
        fixture.registerCommandHandlerInterceptor(new CorrelationDataInterceptor<>(new SimpleCorrelationDataProvider(Actor.USER_ID_KEY)));
        Instant expiry = START.plus(HOLD);
        given(created(), published())
                .when(new HoldSeatsBatch(GATHERING, List.of(
                        batched(ADA_BOOKING, ADA), batched(new BookingId(id(22)), ADA), batched(new BookingId(id(23)), LINUS),
                        batched(GRACE_BOOKING, GRACE), batched(new BookingId(id(24)), ida))))
                .expectEvents(heldFor(ADA_BOOKING, ADA, 1), heldFor(GRACE_BOOKING, GRACE, 1))
                .expectEventsMatching(Matchers.exactSequenceOf(madeBy(ADA), madeBy(GRACE), Matchers.andNoMore()))
                .expectScheduledDeadlineWithName(expiry, Gathering.HOLD_EXPIRY_DEADLINE)
                .expectResultMessagePayloadMatching(Matchers.predicate(answers -> answers.equals(List.of(
                        HoldSeatsBatch.Answer.of(new SeatsReservation(ADA_BOOKING, HOST, BookingStatus.HELD, PRICE, expiry), 1),
                        HoldSeatsBatch.Answer.refused(ErrorCode.ALREADY_BOOKED.name(), "You already have seats for this gathering", 1),
                        HoldSeatsBatch.Answer.refused(ErrorCode.BANNED_BY_HOST.name(), "The host of this gathering does not take your bookings", 1),
                        HoldSeatsBatch.Answer.of(new SeatsReservation(GRACE_BOOKING, HOST, BookingStatus.HELD, PRICE, expiry), 0),
                        HoldSeatsBatch.Answer.of(new SoldOut(0), 0)))));
    }

    private static HoldSeatsBatch.Hold batched(BookingId booking, UserId guest) {
        return new HoldSeatsBatch.Hold(new HoldSeats(GATHERING, booking, PAID, guest, 1), "hold-" + booking,
                Map.of(Actor.USER_ID_KEY, guest.toString()));
    }

    private static org.hamcrest.Matcher<EventMessage<?>> madeBy(UserId guest) {
        return Matchers.predicate(event -> guest.toString().equals(event.getMetaData().get(Actor.USER_ID_KEY)));
    }

    @Test
    void aPublishedGatheringMakesAFewAnnouncementsByItsHostOnly() {
        UUID first = id(40);
        given(created(), published())
                .when(new PostAnnouncement(GATHERING, first, HOST, "Doors at seven", 2))
                .expectEvents(new AnnouncementPosted(GATHERING, first, HOST, "Doors at seven", START));
        setUp();
        given(created(), published())
                .when(new PostAnnouncement(GATHERING, first, ADA, "Free drinks!", 2))
                .expectException(refusedWith(ErrorCode.NOT_FOUND));
        setUp();
        given(created())
                .when(new PostAnnouncement(GATHERING, first, HOST, "Soon", 2))
                .expectException(refusedWith(ErrorCode.STATE_CONFLICT));
        setUp();
        given(created(), published(), new AnnouncementPosted(GATHERING, id(41), HOST, "one", START),
                new AnnouncementPosted(GATHERING, id(42), HOST, "two", START))
                .when(new PostAnnouncement(GATHERING, first, HOST, "three", 2))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.ANNOUNCEMENT_LIMIT_REACHED));
    }

    @Test
    void createsADraft() {
        fixture.givenCurrentTime(START)
                .when(new CreateGathering(GATHERING, HOST, DETAILS, TIERS))
                .expectEvents(new GatheringCreated(GATHERING, HOST, DETAILS, TIERS, START));
    }

    @Test
    void refusesAGatheringThatEndsBeforeItStarts() {
        GatheringDetails backwards = new GatheringDetails("x", "y", DETAILS.endsAt(), DETAILS.startsAt(), "Europe/Lisbon",
                DETAILS.venue(), false, List.of(), new RefundPolicy(0));
        fixture.givenCurrentTime(START)
                .when(new CreateGathering(GATHERING, HOST, backwards, TIERS))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void refusesTiersPricedInTwoCurrencies() {
        List<Tier> mixed = List.of(new Tier(FREE, "A", Money.of(100, "EUR"), 1), new Tier(PAID, "B", Money.of(100, "USD"), 1));
        fixture.givenCurrentTime(START)
                .when(new CreateGathering(GATHERING, HOST, DETAILS, mixed))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void publishesADraftAndSchedulesItsEnd() {
        setUp();
        given(created())
                .when(new PublishGathering(GATHERING, HOST))
                .expectEvents(new GatheringPublished(GATHERING, HOST, START))
                .expectScheduledDeadlineWithName(DETAILS.endsAt(), Gathering.END_DEADLINE);
    }

    @Test
    void someoneElsesGatheringLooksAbsent() {
        setUp();
        given(created())
                .when(new PublishGathering(GATHERING, ADA))
                .expectException(refusedWith(ErrorCode.NOT_FOUND));
    }

    @Test
    void confirmsFreeSeatsAtOnce() {
        Money free = Money.of(0, "EUR");
        setUp();
        given(created(), published())
                .when(new HoldSeats(GATHERING, ADA_BOOKING, FREE, ADA, 2))
                .expectEvents(new SeatsHeld(GATHERING, HOST, ADA_BOOKING, FREE, ADA, 2, free, null, false, START),
                        new SeatsConfirmed(GATHERING, ADA_BOOKING, FREE, ADA, 2, free, START))
                .expectResultMessagePayload(new SeatsReservation(ADA_BOOKING, HOST, BookingStatus.CONFIRMED, free, null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void holdsPaidSeatsUntilTheHoldExpires() {
        Instant expiry = START.plus(HOLD);
        setUp();
        given(created(), published())
                .when(new HoldSeats(GATHERING, ADA_BOOKING, PAID, ADA, 2))
                .expectEvents(new SeatsHeld(GATHERING, HOST, ADA_BOOKING, PAID, ADA, 2, PRICE.times(2), expiry, false, START))
                .expectResultMessagePayload(new SeatsReservation(ADA_BOOKING, HOST, BookingStatus.HELD, PRICE.times(2), expiry))
                .expectScheduledDeadlineWithName(expiry, Gathering.HOLD_EXPIRY_DEADLINE);
    }

    @Test
    void anExpiredHoldReturnsItsSeats() {
        setUp();
        given(created(), published())
                .andGivenCommands(new HoldSeats(GATHERING, ADA_BOOKING, PAID, ADA, 2))
                .whenTimeElapses(HOLD.plusSeconds(1))
                .expectEvents(new HoldExpired(GATHERING, ADA_BOOKING, PAID, ADA, 2, START.plus(HOLD)));
    }

    @Test
    void aConfirmedHoldDoesNotExpire() {
        setUp();
        given(created(), published())
                .andGivenCommands(new HoldSeats(GATHERING, ADA_BOOKING, PAID, ADA, 2), new ConfirmSeats(GATHERING, ADA_BOOKING))
                .whenTimeElapses(HOLD.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void confirmingTwiceChangesNothing() {
        setUp();
        given(created(), published())
                .andGivenCommands(new HoldSeats(GATHERING, ADA_BOOKING, PAID, ADA, 1), new ConfirmSeats(GATHERING, ADA_BOOKING))
                .when(new ConfirmSeats(GATHERING, ADA_BOOKING))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void confirmsAnExpiredHoldWhosePaymentArrivedLateWhileItsSeatsAreFree() {
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 1), new HoldExpired(GATHERING, ADA_BOOKING, PAID, ADA, 1, START))
                .when(new ConfirmSeats(GATHERING, ADA_BOOKING))
                .expectEvents(new SeatsConfirmed(GATHERING, ADA_BOOKING, PAID, ADA, 1, PRICE, START))
                .expectResultMessagePayload(SeatsConfirmation.CONFIRMED);
    }

    @Test
    void doesNotPlaceALatePaymentWhenOthersTookTheSeats() {
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 1), new HoldExpired(GATHERING, ADA_BOOKING, PAID, ADA, 1, START),
                        heldFor(GRACE_BOOKING, GRACE, 2))
                .when(new ConfirmSeats(GATHERING, ADA_BOOKING))
                .expectNoEvents()
                .expectResultMessagePayload(SeatsConfirmation.NOT_PLACED);
    }

    @Test
    void doesNotPlaceALatePaymentForACancelledGathering() {
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 1), new HoldExpired(GATHERING, ADA_BOOKING, PAID, ADA, 1, START),
                        new GatheringCancelled(GATHERING, HOST, "rain", List.of(), START))
                .when(new ConfirmSeats(GATHERING, ADA_BOOKING))
                .expectNoEvents()
                .expectResultMessagePayload(SeatsConfirmation.NOT_PLACED);
    }

    @Test
    void doesNotPlaceAPaymentForSeatsTheGuestGaveBack() {
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 1),
                        new BookingCancelled(GATHERING, ADA_BOOKING, PAID, ADA, 1, false, Money.zero(PRICE.currency()), START, false, null))
                .when(new ConfirmSeats(GATHERING, ADA_BOOKING))
                .expectNoEvents()
                .expectResultMessagePayload(SeatsConfirmation.NOT_PLACED);
    }

    @Test
    void aFailedPaymentReleasesTheHoldAtOnce() {
        setUp();
        given(created(), published())
                .andGivenCommands(new HoldSeats(GATHERING, ADA_BOOKING, PAID, ADA, 2))
                .when(new ReleaseHold(GATHERING, ADA_BOOKING))
                .expectEvents(new HoldExpired(GATHERING, ADA_BOOKING, PAID, ADA, 2, START));
    }

    @Test
    void releasingAConfirmedBookingChangesNothing() {
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 1), confirmed(ADA_BOOKING, ADA, 1))
                .when(new ReleaseHold(GATHERING, ADA_BOOKING))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesMoreSeatsThanAreLeft() {
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 1))
                .when(new HoldSeats(GATHERING, GRACE_BOOKING, PAID, GRACE, 2))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new SoldOut(1))
                .expectNoEvents();
    }

    @Test
    void refusesASecondBookingByTheSameGuest() {
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 1))
                .when(new HoldSeats(GATHERING, GRACE_BOOKING, FREE, ADA, 1))
                .expectException(refusedWith(ErrorCode.ALREADY_BOOKED));
    }

    @Test
    void aGuestWhoseHoldExpiredMayHoldAgain() {
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 1), new HoldExpired(GATHERING, ADA_BOOKING, PAID, ADA, 1, START))
                .when(new HoldSeats(GATHERING, GRACE_BOOKING, PAID, ADA, 1))
                .expectEvents(heldFor(GRACE_BOOKING, ADA, 1));
    }

    @Test
    void aLatePaymentIsNotPlacedWhenTheGuestHoldsOtherSeatsHereByThen() {
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 1), new HoldExpired(GATHERING, ADA_BOOKING, PAID, ADA, 1, START),
                        heldFor(GRACE_BOOKING, ADA, 1))
                .when(new ConfirmSeats(GATHERING, ADA_BOOKING))
                .expectNoEvents()
                .expectResultMessagePayload(SeatsConfirmation.NOT_PLACED);
    }

    @Test
    void theSameBookingTwiceIsAnsweredWithoutNewEvents() {
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 1))
                .when(new HoldSeats(GATHERING, ADA_BOOKING, PAID, ADA, 1))
                .expectNoEvents()
                .expectResultMessagePayload(new SeatsReservation(ADA_BOOKING, HOST, BookingStatus.HELD, PRICE, null));
    }

    @Test
    void refusesBookingADraft() {
        setUp();
        given(created())
                .when(new HoldSeats(GATHERING, ADA_BOOKING, PAID, ADA, 1))
                .expectException(refusedWith(ErrorCode.GATHERING_NOT_BOOKABLE));
    }

    @Test
    void refusesBookingACancelledGathering() {
        setUp();
        given(created(), published(), new GatheringCancelled(GATHERING, HOST, "rain", List.of(), START))
                .when(new HoldSeats(GATHERING, ADA_BOOKING, PAID, ADA, 1))
                .expectException(refusedWith(ErrorCode.GATHERING_NOT_BOOKABLE));
    }

    @Test
    void refusesBookingAnEndedGathering() {
        setUp();
        given(created(), published(), new GatheringEnded(GATHERING, HOST, START))
                .when(new HoldSeats(GATHERING, ADA_BOOKING, PAID, ADA, 1))
                .expectException(refusedWith(ErrorCode.GATHERING_NOT_BOOKABLE));
    }

    @Test
    void refusesZeroSeats() {
        setUp();
        given(created(), published())
                .when(new HoldSeats(GATHERING, ADA_BOOKING, PAID, ADA, 0))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void refusesMoreSeatsThanOneBookingMayTake() {
        setUp();
        given(created(), published())
                .when(new HoldSeats(GATHERING, ADA_BOOKING, PAID, ADA, 5))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void refusesAnUnknownTier() {
        setUp();
        given(created(), published())
                .when(new HoldSeats(GATHERING, ADA_BOOKING, new TierId(id(99)), ADA, 1))
                .expectException(refusedWith(ErrorCode.UNKNOWN_TIER));
    }

    @Test
    void joinsTheWaitlistOfASoldOutTier() {
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 2))
                .when(new JoinWaitlist(GATHERING, PAID, GRACE))
                .expectEvents(new WaitlistJoined(GATHERING, PAID, GRACE, 1, START))
                .expectResultMessagePayload(1);
    }

    @Test
    void refusesTheWaitlistWhileSeatsAreLeft() {
        setUp();
        given(created(), published())
                .when(new JoinWaitlist(GATHERING, PAID, GRACE))
                .expectException(refusedWith(ErrorCode.NOT_SOLD_OUT));
    }

    @Test
    void joiningTwiceKeepsThePlaceInLine() {
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 2),
                        new WaitlistJoined(GATHERING, PAID, GRACE, 1, START), new WaitlistJoined(GATHERING, PAID, LINUS, 2, START))
                .when(new JoinWaitlist(GATHERING, PAID, LINUS))
                .expectNoEvents()
                .expectResultMessagePayload(2);
    }

    @Test
    void expiredSeatsAreOfferedToTheWaitlistInOrder() {
        BookingId graceOffer = offerId(GRACE, 0);
        BookingId linusOffer = offerId(LINUS, 1);
        Instant expiry = START.plus(HOLD);
        setUp();
        given(created(), published())
                .andGivenCommands(new HoldSeats(GATHERING, ADA_BOOKING, PAID, ADA, 2),
                        new JoinWaitlist(GATHERING, PAID, GRACE), new JoinWaitlist(GATHERING, PAID, LINUS))
                .whenTimeElapses(HOLD.plusSeconds(1))
                .expectEvents(new HoldExpired(GATHERING, ADA_BOOKING, PAID, ADA, 2, expiry),
                        new SeatsHeld(GATHERING, HOST, graceOffer, PAID, GRACE, 1, PRICE, expiry.plus(HOLD), true, expiry),
                        new WaitlistOfferMade(GATHERING, PAID, GRACE, graceOffer, expiry.plus(HOLD)),
                        new SeatsHeld(GATHERING, HOST, linusOffer, PAID, LINUS, 1, PRICE, expiry.plus(HOLD), true, expiry),
                        new WaitlistOfferMade(GATHERING, PAID, LINUS, linusOffer, expiry.plus(HOLD)));
    }

    @Test
    void checksInAConfirmedBookingOnce() {
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 1), confirmed(ADA_BOOKING, ADA, 1))
                .when(new CheckInGuest(GATHERING, ADA_BOOKING, HOST))
                .expectEvents(new GuestCheckedIn(GATHERING, ADA_BOOKING, ADA, START));
    }

    @Test
    void refusesASecondCheckIn() {
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 1), confirmed(ADA_BOOKING, ADA, 1),
                        new GuestCheckedIn(GATHERING, ADA_BOOKING, ADA, START))
                .when(new CheckInGuest(GATHERING, ADA_BOOKING, HOST))
                .expectException(refusedWith(ErrorCode.ALREADY_CHECKED_IN));
    }

    @Test
    void refusesToCheckInAnUnpaidHold() {
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 1))
                .when(new CheckInGuest(GATHERING, ADA_BOOKING, HOST))
                .expectException(refusedWith(ErrorCode.BOOKING_NOT_CONFIRMED));
    }

    @Test
    void onlyTheHostChecksGuestsIn() {
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 1), confirmed(ADA_BOOKING, ADA, 1))
                .when(new CheckInGuest(GATHERING, ADA_BOOKING, ADA))
                .expectException(refusedWith(ErrorCode.NOT_FOUND));
    }

    @Test
    void endsByADeadlineAtItsEndTime() {
        setUp();
        given(created())
                .andGivenCommands(new PublishGathering(GATHERING, HOST))
                .whenThenTimeAdvancesTo(DETAILS.endsAt().plusSeconds(1))
                .expectEvents(new GatheringEnded(GATHERING, HOST, DETAILS.endsAt()));
    }

    @Test
    void anAttendeeReviewsOnceAfterTheEnd() {
        setUp();
        given(attended(), new GatheringEnded(GATHERING, HOST, START))
                .when(new ReviewGathering(GATHERING, ADA, 5, "Lovely"))
                .expectEvents(new GatheringReviewed(GATHERING, HOST, ADA, 5, "Lovely", START));
    }

    @Test
    void refusesAReviewBeforeTheEnd() {
        setUp();
        given(attended())
                .when(new ReviewGathering(GATHERING, ADA, 5, "Early"))
                .expectException(refusedWith(ErrorCode.REVIEW_NOT_OPEN));
    }

    @Test
    void refusesAReviewFromSomeoneWhoWasNotCheckedIn() {
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 1), confirmed(ADA_BOOKING, ADA, 1),
                        new GatheringEnded(GATHERING, HOST, START))
                .when(new ReviewGathering(GATHERING, ADA, 4, "Missed it"))
                .expectException(refusedWith(ErrorCode.NOT_ATTENDED));
    }

    @Test
    void refusesASecondReview() {
        setUp();
        given(attended(), new GatheringEnded(GATHERING, HOST, START), new GatheringReviewed(GATHERING, HOST, ADA, 5, "1", START))
                .when(new ReviewGathering(GATHERING, ADA, 1, "2"))
                .expectException(refusedWith(ErrorCode.ALREADY_REVIEWED));
    }

    @Test
    void refusesARatingOutsideOneToFive() {
        setUp();
        given(attended(), new GatheringEnded(GATHERING, HOST, START))
                .when(new ReviewGathering(GATHERING, ADA, 6, "!"))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void cancellingTheGatheringCancelsEveryBookingWithAFullRefund() {
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 1), confirmed(ADA_BOOKING, ADA, 1), heldFor(GRACE_BOOKING, GRACE, 1))
                .when(new CancelGathering(GATHERING, HOST, "Storm"))
                .expectEvents(new GatheringCancelled(GATHERING, HOST, "Storm", List.of(ADA_BOOKING, GRACE_BOOKING), START),
                        new BookingCancelled(GATHERING, ADA_BOOKING, PAID, ADA, 1, true, PRICE, START, true, null),
                        new BookingCancelled(GATHERING, GRACE_BOOKING, PAID, GRACE, 1, false, Money.of(0, "EUR"), START, true, null));
    }

    @Test
    void aGuestCancellingEarlyEnoughIsRefundedInFull() {
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 1), confirmed(ADA_BOOKING, ADA, 1))
                .when(new CancelBooking(GATHERING, ADA_BOOKING, ADA, null))
                .expectEvents(new BookingCancelled(GATHERING, ADA_BOOKING, PAID, ADA, 1, true, PRICE, START, false, null));
    }

    @Test
    void aGuestCancellingTooLateIsNotRefunded() {
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 1), confirmed(ADA_BOOKING, ADA, 1))
                .andGivenCurrentTime(DETAILS.startsAt().minus(Duration.ofHours(47)))
                .when(new CancelBooking(GATHERING, ADA_BOOKING, ADA, null))
                .expectEvents(new BookingCancelled(GATHERING, ADA_BOOKING, PAID, ADA, 1, true, Money.of(0, "EUR"),
                        DETAILS.startsAt().minus(Duration.ofHours(47)), false, null));
    }

    @Test
    void aGuestCannotCancelSomeoneElsesBooking() {
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 1))
                .when(new CancelBooking(GATHERING, ADA_BOOKING, GRACE, null))
                .expectException(refusedWith(ErrorCode.NOT_FOUND));
    }

    @Test
    void theCancelRequestCarriedOutAgainIsAnsweredAsItWasAndChangesNothing() {
        setUp();
        CancelBooking cancel = CancelBooking.byRequest(GATHERING, ADA_BOOKING, ADA, "key-1");
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 1), confirmed(ADA_BOOKING, ADA, 1),
                new BookingCancelled(GATHERING, ADA_BOOKING, PAID, ADA, 1, true, PRICE, START, false, cancel.requestId()))
                .when(cancel)
                .expectNoEvents()
                .expectResultMessagePayload(PRICE);
    }

    @Test
    void anotherCancelRequestFindsTheBookingNoLongerActive() {
        setUp();
        CancelBooking first = CancelBooking.byRequest(GATHERING, ADA_BOOKING, ADA, "key-1");
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 1), confirmed(ADA_BOOKING, ADA, 1),
                new BookingCancelled(GATHERING, ADA_BOOKING, PAID, ADA, 1, true, PRICE, START, false, first.requestId()))
                .when(CancelBooking.byRequest(GATHERING, ADA_BOOKING, ADA, "key-2"))
                .expectException(refusedWith(ErrorCode.BOOKING_NOT_ACTIVE));
    }

    @Test
    void aGuestsCancelRequestFindsABookingTheGatheringsCancellationGaveBackNoLongerActive() {
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 1), confirmed(ADA_BOOKING, ADA, 1),
                new BookingCancelled(GATHERING, ADA_BOOKING, PAID, ADA, 1, true, PRICE, START, true, null))
                .when(new CancelBooking(GATHERING, ADA_BOOKING, ADA, null))
                .expectException(refusedWith(ErrorCode.BOOKING_NOT_ACTIVE));
    }

    @Test
    void aPublishedTierWithBookingsKeepsEnoughSeatsAndItsPrice() {
        List<Tier> shrunk = List.of(TIERS.get(0), new Tier(PAID, "Seated", PRICE, 1));
        List<Tier> repriced = List.of(TIERS.get(0), new Tier(PAID, "Seated", Money.of(3000, "EUR"), 2));
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 2))
                .when(new EditGathering(GATHERING, HOST, changes(shrunk)))
                .expectException(refusedWith(ErrorCode.CAPACITY_BELOW_BOOKED));
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 2))
                .when(new EditGathering(GATHERING, HOST, changes(repriced)))
                .expectException(refusedWith(ErrorCode.TIER_PRICE_LOCKED));
    }

    @Test
    void aPublishedTierCanGrow() {
        List<Tier> grown = List.of(TIERS.get(0), new Tier(PAID, "Seated", PRICE, 10));
        setUp();
        given(created(), published(), heldFor(ADA_BOOKING, ADA, 2))
                .when(new EditGathering(GATHERING, HOST, changes(grown)))
                .expectEvents(new GatheringEdited(GATHERING, DETAILS, grown, START));
    }

    @Test
    void aPublishedGatheringKeepsItsTime() {
        GatheringChanges moved = new GatheringChanges(null, null, DETAILS.startsAt().plusSeconds(3600), null, null, null, null, null, null, null);
        setUp();
        given(created(), published())
                .when(new EditGathering(GATHERING, HOST, moved))
                .expectException(refusedWith(ErrorCode.EDIT_NOT_ALLOWED));
    }

    /** The given events, at the fixed start time; arrays of events are spread. */
    private org.axonframework.test.aggregate.TestExecutor<Gathering> given(Object... events) {
        List<Object> flat = new java.util.ArrayList<>();
        for (Object event : events) {
            if (event instanceof Object[] many) {
                flat.addAll(List.of(many));
            } else {
                flat.add(event);
            }
        }
        return fixture.givenCurrentTime(START).andGiven(flat);
    }

    private static GatheringChanges changes(List<Tier> tiers) {
        return new GatheringChanges(null, null, null, null, null, null, null, null, null, tiers);
    }

    private static Object created() {
        return new GatheringCreated(GATHERING, HOST, DETAILS, TIERS, START);
    }

    private static Object published() {
        return new GatheringPublished(GATHERING, HOST, START);
    }

    private static SeatsHeld heldFor(BookingId booking, UserId guest, int quantity) {
        return new SeatsHeld(GATHERING, HOST, booking, PAID, guest, quantity, PRICE.times(quantity), START.plus(HOLD), false, START);
    }

    private static SeatsConfirmed confirmed(BookingId booking, UserId guest, int quantity) {
        return new SeatsConfirmed(GATHERING, booking, PAID, guest, quantity, PRICE.times(quantity), START);
    }

    private static Object[] attended() {
        return new Object[] {created(), published(), heldFor(ADA_BOOKING, ADA, 1), confirmed(ADA_BOOKING, ADA, 1),
                new GuestCheckedIn(GATHERING, ADA_BOOKING, ADA, START)};
    }

    private static BookingId offerId(UserId user, int offersBefore) {
        String seed = "waitlist-offer:" + GATHERING + ":" + user + ":" + offersBefore;
        return new BookingId(UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)));
    }

    private static UUID id(int n) {
        return new UUID(0, n);
    }
}
