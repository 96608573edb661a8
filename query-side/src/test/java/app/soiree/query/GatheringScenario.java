package app.soiree.query;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringCancelled;
import app.soiree.api.gathering.GatheringCreated;
import app.soiree.api.gathering.GatheringDetails;
import app.soiree.api.gathering.GatheringEdited;
import app.soiree.api.gathering.GatheringEnded;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringPublished;
import app.soiree.api.gathering.GatheringReviewed;
import app.soiree.api.gathering.GuestCheckedIn;
import app.soiree.api.gathering.HoldExpired;
import app.soiree.api.gathering.RefundPolicy;
import app.soiree.api.gathering.SeatsConfirmed;
import app.soiree.api.gathering.SeatsHeld;
import app.soiree.api.gathering.Tier;
import app.soiree.api.gathering.TierId;
import app.soiree.api.gathering.Venue;
import app.soiree.api.identity.UserId;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.payment.PaymentRequested;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One gathering and the events its life produces, with plausible defaults for everything a test
 * does not care about. Times come from a fixed clock.
 */
public final class GatheringScenario {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);
    public static final Instant NOW = CLOCK.instant();
    public static final Duration HOLD_DURATION = Duration.ofMinutes(10);

    private final GatheringId gatheringId = GatheringId.random();
    private final UserId hostId;
    private String title = "Supper club";
    private String description = "Five courses shared with strangers";
    private Instant startsAt = NOW.plus(Duration.ofDays(30));
    private List<String> tags = List.of("food");
    private List<Tier> tiers = List.of(paidTier("Standard", 2500, 10));

    private GatheringScenario(UserId hostId) {
        this.hostId = hostId;
    }

    public static GatheringScenario hostedBy(UserId hostId) {
        return new GatheringScenario(hostId);
    }

    public static Tier paidTier(String name, long priceMinor, int capacity) {
        return new Tier(TierId.random(), name, Money.of(priceMinor, "EUR"), capacity);
    }

    public static Tier freeTier(String name, int capacity) {
        return new Tier(TierId.random(), name, Money.of(0, "EUR"), capacity);
    }

    public GatheringScenario titled(String title, String description) {
        this.title = title;
        this.description = description;
        return this;
    }

    public GatheringScenario startingAt(Instant startsAt) {
        this.startsAt = startsAt;
        return this;
    }

    public GatheringScenario tagged(String... tags) {
        this.tags = List.of(tags);
        return this;
    }

    public GatheringScenario withTiers(Tier... tiers) {
        this.tiers = List.of(tiers);
        return this;
    }

    public GatheringId id() {
        return gatheringId;
    }

    public UserId host() {
        return hostId;
    }

    public Tier tier() {
        return tiers.getFirst();
    }

    public GatheringDetails details() {
        return new GatheringDetails(title, description, startsAt, startsAt.plus(Duration.ofHours(3)), "Europe/Berlin",
                new Venue("Kantine", "Hauptstraße 1, Berlin", 52.52, 13.40), false, tags, new RefundPolicy(48));
    }

    public GatheringCreated created() {
        return new GatheringCreated(gatheringId, hostId, details(), tiers, NOW);
    }

    public GatheringPublished published() {
        return new GatheringPublished(gatheringId, hostId, NOW);
    }

    /** Changes this scenario's details and tiers, and returns the event that says so. */
    public GatheringEdited editedTo(String title, Tier... tiers) {
        this.title = title;
        this.tiers = List.of(tiers);
        return new GatheringEdited(gatheringId, details(), this.tiers, NOW);
    }

    public GatheringCancelled cancelled(BookingId... activeBookings) {
        return new GatheringCancelled(gatheringId, hostId, "The chef is ill", List.of(activeBookings), NOW);
    }

    public GatheringEnded ended() {
        return new GatheringEnded(gatheringId, hostId, startsAt.plus(Duration.ofHours(3)));
    }

    public SeatsHeld held(UserId guestId, int quantity) {
        return held(guestId, tier(), quantity, NOW);
    }

    /** Free seats are held without a deadline, as the gathering does just before it confirms them. */
    public SeatsHeld held(UserId guestId, Tier tier, int quantity, Instant heldAt) {
        Instant holdExpiresAt = tier.isFree() ? null : heldAt.plus(HOLD_DURATION);
        return new SeatsHeld(gatheringId, hostId, BookingId.random(), tier.tierId(), guestId, quantity, tier.price().times(quantity),
                holdExpiresAt, false, heldAt);
    }

    /** The payment for {@code hold}'s whole amount with the simulated provider, requested now. */
    public PaymentRequested paymentRequested(SeatsHeld hold) {
        return new PaymentRequested(PaymentId.forBooking(hold.bookingId()), hold.bookingId(), gatheringId, hostId, hold.guestId(),
                hold.amount(), "simulated", NOW, null);
    }

    public SeatsConfirmed confirmed(SeatsHeld hold) {
        return new SeatsConfirmed(gatheringId, hold.bookingId(), hold.tierId(), hold.guestId(), hold.quantity(), hold.amount(), NOW);
    }

    public HoldExpired expired(SeatsHeld hold) {
        return new HoldExpired(gatheringId, hold.bookingId(), hold.tierId(), hold.guestId(), hold.quantity(),
                hold.heldAt().plus(HOLD_DURATION));
    }

    public BookingCancelled bookingCancelled(SeatsHeld hold, boolean wasConfirmed) {
        Money refundDue = wasConfirmed ? hold.amount() : Money.zero(hold.amount().currency());
        return new BookingCancelled(gatheringId, hold.bookingId(), hold.tierId(), hold.guestId(), hold.quantity(), wasConfirmed,
                refundDue, NOW, false, null);
    }

    public GuestCheckedIn checkedIn(SeatsHeld hold) {
        return new GuestCheckedIn(gatheringId, hold.bookingId(), hold.guestId(), startsAt);
    }

    public GatheringReviewed reviewed(UserId guestId, int rating, Instant reviewedAt) {
        return new GatheringReviewed(gatheringId, hostId, guestId, rating, "Rated " + rating, reviewedAt);
    }
}
