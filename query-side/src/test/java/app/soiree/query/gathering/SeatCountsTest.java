package app.soiree.query.gathering;

import static app.soiree.query.GatheringScenario.NOW;
import static app.soiree.query.GatheringScenario.freeTier;
import static app.soiree.query.GatheringScenario.paidTier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.soiree.api.gathering.FindGathering;
import app.soiree.api.gathering.GatheringView;
import app.soiree.api.gathering.SeatsHeld;
import app.soiree.api.gathering.Tier;
import app.soiree.api.gathering.TierView;
import app.soiree.api.identity.UserId;
import app.soiree.query.GatheringScenario;
import app.soiree.query.ProjectionTest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class SeatCountsTest extends ProjectionTest {

    @Autowired
    QueryGateway queries;

    @Autowired
    TransactionTemplate transactions;

    final UserId host = UserId.random();
    final UserId guest = UserId.random();
    final Tier standard = paidTier("Standard", 2500, 10);
    final GatheringScenario dinner = GatheringScenario.hostedBy(host).withTiers(standard);

    @BeforeEach
    void aPublishedDinnerForTen() {
        events.publish(dinner.created(), dinner.published());
    }

    @Test
    void heldSeatsAreTakenUntilConfirmedAndStayTakenOnceConfirmed() {
        SeatsHeld hold = dinner.held(guest, 2);

        events.publish(hold);
        assertThat(seats(standard)).isEqualTo(new Seats(2, 0, 8));

        events.publish(dinner.confirmed(hold));
        assertThat(seats(standard)).isEqualTo(new Seats(0, 2, 8));
    }

    @Test
    void anExpiredHoldGivesItsSeatsBack() {
        SeatsHeld hold = dinner.held(guest, 3);

        events.publish(hold, dinner.expired(hold));

        assertThat(seats(standard)).isEqualTo(new Seats(0, 0, 10));
    }

    @Test
    void cancellingAConfirmedBookingGivesItsSeatsBack() {
        SeatsHeld hold = dinner.held(guest, 2);

        events.publish(hold, dinner.confirmed(hold), dinner.bookingCancelled(hold, true));

        assertThat(seats(standard)).isEqualTo(new Seats(0, 0, 10));
    }

    @Test
    void cancellingAHoldGivesItsSeatsBack() {
        SeatsHeld hold = dinner.held(guest, 2);

        events.publish(hold, dinner.bookingCancelled(hold, false));

        assertThat(seats(standard)).isEqualTo(new Seats(0, 0, 10));
    }

    @Test
    void freeSeatsAreConfirmedInTheSameMomentTheyAreHeld() {
        Tier free = freeTier("Free", 5);
        GatheringScenario picnic = GatheringScenario.hostedBy(host).withTiers(free);
        SeatsHeld hold = picnic.held(guest, free, 1, NOW);

        events.publish(picnic.created(), picnic.published(), hold, picnic.confirmed(hold));

        assertThat(hold.holdExpiresAt()).isNull();
        assertThat(seats(picnic, free)).isEqualTo(new Seats(0, 1, 4));
    }

    @Test
    void everySeatEventDeliveredTwiceCountsOnce() {
        SeatsHeld kept = dinner.held(guest, 2);
        SeatsHeld lapsed = dinner.held(UserId.random(), 1);
        SeatsHeld given = dinner.held(UserId.random(), 4);

        events.publish(kept, kept, dinner.confirmed(kept), dinner.confirmed(kept),
                lapsed, lapsed, dinner.expired(lapsed), dinner.expired(lapsed),
                given, dinner.confirmed(given), dinner.bookingCancelled(given, true), dinner.bookingCancelled(given, true));

        assertThat(seats(standard)).isEqualTo(new Seats(0, 2, 8));
    }

    @Test
    void eventsRedeliveredAfterLaterOnesChangeNothing() {
        SeatsHeld hold = dinner.held(guest, 2);
        events.publish(hold, dinner.confirmed(hold), dinner.bookingCancelled(hold, true));

        events.publish(hold, dinner.confirmed(hold), dinner.expired(hold));

        assertThat(seats(standard)).isEqualTo(new Seats(0, 0, 10));
    }

    @Test
    void cancellingTheGatheringGivesBackEveryActiveBookingOnce() {
        SeatsHeld confirmed = dinner.held(guest, 2);
        SeatsHeld held = dinner.held(UserId.random(), 1);
        events.publish(confirmed, dinner.confirmed(confirmed), held);

        events.publish(dinner.cancelled(confirmed.bookingId(), held.bookingId()),
                dinner.bookingCancelled(confirmed, true), dinner.bookingCancelled(held, false));

        assertThat(seats(standard)).isEqualTo(new Seats(0, 0, 10));
    }

    @Test
    void anEditKeepsTheSeatsTakenInTheTiersItKeeps() {
        SeatsHeld confirmed = dinner.held(guest, 2);
        SeatsHeld held = dinner.held(UserId.random(), 1);
        events.publish(confirmed, dinner.confirmed(confirmed), held);
        Tier biggerStandard = new Tier(standard.tierId(), "Standard seat", standard.price(), 20);
        Tier balcony = paidTier("Balcony", 4000, 4);

        events.publish(dinner.editedTo("Supper club, extended", balcony, biggerStandard));

        GatheringView edited = gathering();
        assertThat(edited.title()).isEqualTo("Supper club, extended");
        assertThat(edited.tiers()).extracting(TierView::name, TierView::capacity, TierView::available)
                .containsExactly(tuple("Balcony", 4, 4), tuple("Standard seat", 20, 17));
        assertThat(seats(biggerStandard)).isEqualTo(new Seats(1, 2, 17));
    }

    @Test
    void anEditDropsTheTiersItNoLongerLists() {
        Tier earlyBird = paidTier("Early bird", 1500, 5);
        events.publish(dinner.editedTo("Supper club", standard, earlyBird));

        events.publish(dinner.editedTo("Supper club", earlyBird));

        assertThat(gathering().tiers()).extracting(TierView::name).containsExactly("Early bird");
    }

    /** A tracking processor applies a batch of events in one transaction; the tiers refer to a gathering made in it. */
    @Test
    void aGatheringCreatedAndBookedInOneBatchHasItsSeatsCounted() {
        Tier garden = paidTier("Garden", 3000, 6);
        GatheringScenario picnic = GatheringScenario.hostedBy(host).withTiers(garden);
        SeatsHeld hold = picnic.held(guest, 2);

        transactions.executeWithoutResult(batch -> events.publish(picnic.created(), picnic.published(), hold, picnic.confirmed(hold),
                picnic.held(UserId.random(), 1)));

        assertThat(seats(picnic, garden)).isEqualTo(new Seats(1, 2, 3));
    }

    @Test
    void seatsMovedOnATierThisProjectionDoesNotKnowFailTheEventAndLeaveNothingBehind() {
        GatheringScenario neverCreated = GatheringScenario.hostedBy(host).withTiers(freeTier("Lawn", 5));

        assertThatThrownBy(() -> events.publish(neverCreated.held(guest, 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not know");

        assertThat(jdbc.sql("select count(*) from bookings").query(Long.class).single()).isZero();
    }

    private GatheringView gathering() {
        return gathering(dinner);
    }

    private GatheringView gathering(GatheringScenario scenario) {
        return queries.query(new FindGathering(scenario.id(), null), ResponseTypes.instanceOf(GatheringView.class)).join();
    }

    private Seats seats(Tier tier) {
        return seats(dinner, tier);
    }

    private Seats seats(GatheringScenario scenario, Tier tier) {
        int available = gathering(scenario).tiers().stream().filter(view -> view.tierId().equals(tier.tierId()))
                .findFirst().orElseThrow().available();
        return jdbc.sql("select held, confirmed from gathering_tiers where tier_id = :tierId")
                .param("tierId", tier.tierId().value())
                .query((row, number) -> new Seats(row.getInt("held"), row.getInt("confirmed"), available))
                .single();
    }

    private record Seats(int held, int confirmed, int available) {
    }
}
