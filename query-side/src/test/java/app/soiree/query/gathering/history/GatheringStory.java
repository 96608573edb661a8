package app.soiree.query.gathering.history;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringCancelled;
import app.soiree.api.gathering.GatheringCreated;
import app.soiree.api.gathering.GatheringDetails;
import app.soiree.api.gathering.GatheringEdited;
import app.soiree.api.gathering.GatheringAsOfView;
import app.soiree.api.gathering.GatheringEnded;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringPublished;
import app.soiree.api.gathering.GatheringReviewed;
import app.soiree.api.gathering.HoldExpired;
import app.soiree.api.gathering.RefundPolicy;
import app.soiree.api.gathering.SeatsConfirmed;
import app.soiree.api.gathering.SeatsHeld;
import app.soiree.api.gathering.Tier;
import app.soiree.api.gathering.TierId;
import app.soiree.api.gathering.WaitlistJoined;
import app.soiree.api.gathering.WaitlistOfferMade;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Event fixtures for one gathering, written the way the command side's aggregate applies them (a waitlist
 * promotion is a hold {@code fromWaitlist} followed by the offer, a host's cancellation lists the active bookings
 * and then cancels each). Every event is a second after the one before, from {@link #START}.
 */
final class GatheringStory {

    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant STARTS_AT = Instant.parse("2026-12-20T19:00:00Z");

    final GatheringId gatheringId;
    final UserId host = user("host");
    final List<Object> events = new ArrayList<>();
    private final List<BookingRecord> bookings = new ArrayList<>();

    GatheringStory() {
        this(new GatheringId(id("gathering")));
    }

    /** For stories stored in an event store that outlives the test: each needs an id of its own. */
    GatheringStory(GatheringId gatheringId) {
        this.gatheringId = gatheringId;
    }

    static UserId user(String name) {
        return new UserId(id("user:" + name));
    }

    static TierId tierId(String name) {
        return new TierId(id("tier:" + name));
    }

    static Tier tier(String name, long priceMinor, int capacity) {
        return new Tier(tierId(name), name, Money.of(priceMinor, "EUR"), capacity);
    }

    static BookingId bookingId(String name) {
        return new BookingId(id("booking:" + name));
    }

    GatheringStory created(Tier... tiers) {
        return add(new GatheringCreated(gatheringId, host, details("Supper club"), List.of(tiers), now()));
    }

    GatheringStory edited(String title, Tier... tiers) {
        return add(new GatheringEdited(gatheringId, details(title), List.of(tiers), now()));
    }

    GatheringStory published() {
        return add(new GatheringPublished(gatheringId, host, now()));
    }

    GatheringStory held(String booking, String guest, Tier tier, int quantity) {
        return hold(booking, guest, tier, quantity, false);
    }

    GatheringStory confirmed(String booking) {
        BookingRecord record = booking(booking);
        return add(new SeatsConfirmed(gatheringId, record.id, record.tier.tierId(), record.guest, record.quantity, record.amount(), now()));
    }

    /** A free tier's booking: held and confirmed in the same moment. */
    GatheringStory booked(String booking, String guest, Tier tier, int quantity) {
        return held(booking, guest, tier, quantity).confirmed(booking);
    }

    GatheringStory expired(String booking) {
        BookingRecord record = booking(booking);
        return add(new HoldExpired(gatheringId, record.id, record.tier.tierId(), record.guest, record.quantity, now()));
    }

    GatheringStory cancelledByGuest(String booking, boolean wasConfirmed) {
        return add(cancellation(booking(booking), wasConfirmed, false));
    }

    GatheringStory joinedWaitlist(String guest, Tier tier, int position) {
        return add(new WaitlistJoined(gatheringId, tier.tierId(), user(guest), position, now()));
    }

    /** The first in line gets one seat: a hold from the waitlist, then the offer that tells them. */
    GatheringStory promoted(String booking, String guest, Tier tier) {
        hold(booking, guest, tier, 1, true);
        return add(new WaitlistOfferMade(gatheringId, tier.tierId(), user(guest), bookingId(booking), now().plusSeconds(600)));
    }

    /** The host calls it off: the gathering first, then each booking still active, with whether it was confirmed. */
    GatheringStory cancelledByHost(List<String> activeBookings, List<Boolean> confirmed) {
        add(new GatheringCancelled(gatheringId, host, "Storm warning", activeBookings.stream().map(GatheringStory::bookingId).toList(),
                now()));
        for (int i = 0; i < activeBookings.size(); i++) {
            add(cancellation(booking(activeBookings.get(i)), confirmed.get(i), true));
        }
        return this;
    }

    GatheringStory ended() {
        return add(new GatheringEnded(gatheringId, host, now()));
    }

    GatheringStory reviewed(String guest) {
        return add(new GatheringReviewed(gatheringId, host, user(guest), 5, "Lovely", now()));
    }

    GatheringStory add(Object event) {
        events.add(event);
        return this;
    }

    /** When the {@code index}-th event (from 0) happened. */
    static Instant timeOf(int index) {
        return START.plusSeconds(index);
    }

    /** The gathering folded from its first {@code count} events. */
    RebuiltGathering foldFirst(int count) {
        RebuiltGathering gathering = new RebuiltGathering(gatheringId);
        for (int i = 0; i < count; i++) {
            gathering.apply(events.get(i), timeOf(i));
        }
        return gathering;
    }

    GatheringAsOfView view() {
        return foldFirst(events.size()).view(timeOf(events.size()));
    }

    private GatheringStory hold(String booking, String guest, Tier tier, int quantity, boolean fromWaitlist) {
        BookingRecord record = new BookingRecord(bookingId(booking), booking, tier, user(guest), quantity);
        bookings.add(record);
        Instant expiresAt = tier.isFree() ? null : now().plusSeconds(600);
        return add(new SeatsHeld(gatheringId, host, record.id, tier.tierId(), record.guest, quantity, record.amount(), expiresAt,
                fromWaitlist, now()));
    }

    private BookingCancelled cancellation(BookingRecord record, boolean wasConfirmed, boolean gatheringCancelled) {
        Money refund = wasConfirmed ? record.amount() : Money.zero(record.amount().currency());
        return new BookingCancelled(gatheringId, record.id, record.tier.tierId(), record.guest, record.quantity, wasConfirmed, refund,
                now(), gatheringCancelled, null);
    }

    private BookingRecord booking(String name) {
        return bookings.stream().filter(b -> b.name.equals(name)).reduce((first, later) -> later)
                .orElseThrow(() -> new IllegalArgumentException("no booking " + name + " in this story"));
    }

    private Instant now() {
        return timeOf(events.size());
    }

    private static GatheringDetails details(String title) {
        return new GatheringDetails(title, "An evening", STARTS_AT, STARTS_AT.plusSeconds(3 * 3600), "Europe/Lisbon", null, false,
                List.of("food"), new RefundPolicy(48));
    }

    private static UUID id(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private record BookingRecord(BookingId id, String name, Tier tier, UserId guest, int quantity) {
        Money amount() {
            return tier.price().times(quantity);
        }
    }
}
