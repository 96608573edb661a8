package app.soiree.query.gathering.history;

import static app.soiree.query.gathering.history.GatheringStory.tier;
import static app.soiree.query.gathering.history.GatheringStory.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.gathering.GatheringAsOfView;
import app.soiree.api.gathering.GatheringAsOfView.TierAsOf;
import app.soiree.api.gathering.GatheringAsOfView.WaitingGuest;
import app.soiree.api.gathering.GatheringStatus;
import app.soiree.api.gathering.Tier;
import app.soiree.api.gathering.TierId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fold on its own: event fixtures in, the gathering as it stood after them out. */
class RebuiltGatheringTest {

    private static final Tier FREE = tier("Free", 0, 4);
    private static final Tier PAID = tier("Paid", 2500, 2);

    private final GatheringStory story = new GatheringStory();

    @Test
    void aNewGatheringIsADraftWithEveryTierEmpty() {
        GatheringAsOfView view = story.created(FREE, PAID).view();

        assertThat(view.status()).isEqualTo(GatheringStatus.DRAFT);
        assertThat(view.title()).isEqualTo("Supper club");
        assertThat(view.startsAt()).isEqualTo(GatheringStory.STARTS_AT);
        assertThat(view.tiers()).containsExactly(
                new TierAsOf(FREE.tierId(), "Free", FREE.price(), 4, 0, 0, 4),
                new TierAsOf(PAID.tierId(), "Paid", PAID.price(), 2, 0, 0, 2));
        assertThat(view.waitlist()).isEmpty();
        assertThat(view.eventsApplied()).isEqualTo(1);
        assertThat(view.lastEventAt()).isEqualTo(GatheringStory.timeOf(0));
    }

    @Test
    void eachLifecycleEventMovesTheStatus() {
        story.created(PAID).published().ended();

        assertThat(story.foldFirst(2).view(GatheringStory.timeOf(1)).status()).isEqualTo(GatheringStatus.PUBLISHED);
        assertThat(story.view().status()).isEqualTo(GatheringStatus.ENDED);
    }

    @Test
    void seatsAreHeldUntilTheirPaymentConfirmsThem() {
        story.created(PAID).published().held("ada", "Ada", PAID, 2);
        assertThat(seatsOf(story.view(), PAID)).extracting(TierAsOf::held, TierAsOf::confirmed, TierAsOf::available).containsExactly(2, 0, 0);

        story.confirmed("ada");
        assertThat(seatsOf(story.view(), PAID)).extracting(TierAsOf::held, TierAsOf::confirmed, TierAsOf::available).containsExactly(0, 2, 0);
    }

    @Test
    void freeSeatsAreConfirmedInTheMomentTheyAreHeld() {
        GatheringAsOfView view = story.created(FREE).published().booked("ben", "Ben", FREE, 3).view();

        assertThat(seatsOf(view, FREE)).extracting(TierAsOf::held, TierAsOf::confirmed, TierAsOf::available).containsExactly(0, 3, 1);
    }

    @Test
    void anExpiredHoldGivesItsSeatsBackAndALatePaymentTakesThemAgainAsConfirmed() {
        story.created(PAID).published().held("ada", "Ada", PAID, 2).expired("ada");
        assertThat(seatsOf(story.view(), PAID)).extracting(TierAsOf::held, TierAsOf::confirmed, TierAsOf::available).containsExactly(0, 0, 2);

        story.confirmed("ada");
        assertThat(seatsOf(story.view(), PAID)).extracting(TierAsOf::held, TierAsOf::confirmed, TierAsOf::available).containsExactly(0, 2, 0);
    }

    @Test
    void aCancelledBookingGivesBackWhatItHadHeldOrConfirmed() {
        story.created(FREE, PAID).published()
                .booked("ben", "Ben", FREE, 3)
                .held("ada", "Ada", PAID, 1)
                .cancelledByGuest("ben", true)
                .cancelledByGuest("ada", false);

        GatheringAsOfView view = story.view();

        assertThat(seatsOf(view, FREE)).extracting(TierAsOf::held, TierAsOf::confirmed, TierAsOf::available).containsExactly(0, 0, 4);
        assertThat(seatsOf(view, PAID)).extracting(TierAsOf::held, TierAsOf::confirmed, TierAsOf::available).containsExactly(0, 0, 2);
    }

    @Test
    void theWaitlistKeepsTheOrderPeopleJoinedInCountedPerTier() {
        Tier small = tier("Small", 1000, 1);
        GatheringAsOfView view = story.created(small, PAID).published()
                .held("ada", "Ada", small, 1)
                .held("ben", "Ben", PAID, 2)
                .joinedWaitlist("Cleo", small, 1)
                .joinedWaitlist("Dan", PAID, 1)
                .joinedWaitlist("Eve", small, 2)
                .view();

        assertThat(view.waitlist()).containsExactly(
                new WaitingGuest(user("Cleo"), small.tierId(), 1),
                new WaitingGuest(user("Dan"), PAID.tierId(), 1),
                new WaitingGuest(user("Eve"), small.tierId(), 2));
    }

    @Test
    void aPromotionTakesTheFirstInLineOutOfTheWaitlistAndHoldsASeatForThem() {
        Tier small = tier("Small", 1000, 1);
        story.created(small).published()
                .held("ada", "Ada", small, 1)
                .joinedWaitlist("Cleo", small, 1)
                .joinedWaitlist("Dan", small, 2);
        int beforeCancellation = story.events.size();
        story.cancelledByGuest("ada", false).promoted("cleo", "Cleo", small);

        GatheringAsOfView before = story.foldFirst(beforeCancellation).view(GatheringStory.timeOf(beforeCancellation));
        GatheringAsOfView after = story.view();

        assertThat(before.waitlist()).extracting(WaitingGuest::userId).containsExactly(user("Cleo"), user("Dan"));
        assertThat(seatsOf(before, small).held()).isEqualTo(1);
        assertThat(after.waitlist()).containsExactly(new WaitingGuest(user("Dan"), small.tierId(), 1));
        assertThat(seatsOf(after, small)).extracting(TierAsOf::held, TierAsOf::available).containsExactly(1, 0);
    }

    @Test
    void seatsInOneTierTakeTheGuestOutOfTheLineOfAnother() {
        Tier small = tier("Small", 1000, 1);
        GatheringAsOfView view = story.created(small, FREE).published()
                .held("ada", "Ada", small, 1)
                .joinedWaitlist("Cleo", small, 1)
                .booked("cleo", "Cleo", FREE, 1)
                .view();

        assertThat(view.waitlist()).isEmpty();
    }

    @Test
    void aHostsCancellationReleasesEveryBookingAndEndsTheWaitlist() {
        Tier small = tier("Small", 1000, 1);
        GatheringAsOfView view = story.created(small, FREE).published()
                .held("ada", "Ada", small, 1)
                .booked("ben", "Ben", FREE, 2)
                .joinedWaitlist("Cleo", small, 1)
                .cancelledByHost(List.of("ada", "ben"), List.of(false, true))
                .view();

        assertThat(view.status()).isEqualTo(GatheringStatus.CANCELLED);
        assertThat(view.tiers()).allSatisfy(tier -> assertThat(tier.available()).isEqualTo(tier.capacity()));
        assertThat(view.waitlist()).isEmpty();
    }

    @Test
    void anEditChangesCapacitiesAndKeepsTheSeatsOfTheTiersItKeeps() {
        Tier biggerPaid = new Tier(PAID.tierId(), "Paid", PAID.price(), 5);
        GatheringAsOfView view = story.created(FREE, PAID).published()
                .held("ada", "Ada", PAID, 2)
                .edited("Supper club, moved upstairs", biggerPaid)
                .view();

        assertThat(view.title()).isEqualTo("Supper club, moved upstairs");
        assertThat(view.tiers()).containsExactly(new TierAsOf(PAID.tierId(), "Paid", PAID.price(), 5, 2, 0, 3));
    }

    @Test
    void eventsAboutOtherThingsAreCountedButMoveNoSeat() {
        story.created(FREE).published().booked("ben", "Ben", FREE, 1).ended().reviewed("Ben");

        GatheringAsOfView view = story.view();

        assertThat(view.eventsApplied()).isEqualTo(story.events.size());
        assertThat(seatsOf(view, FREE).confirmed()).isEqualTo(1);
    }

    @Test
    void aStreamThatBreaksTheCountsIsRefusedNotShown() {
        Tier small = tier("Small", 1000, 1);
        story.created(small).published().held("ada", "Ada", small, 1).held("ben", "Ben", small, 1);

        assertThatThrownBy(story::view).isInstanceOf(IllegalStateException.class).hasMessageContaining("capacity=1");
    }

    @Test
    void aConfirmationOfSeatsNeverHeldIsRefused() {
        story.created(PAID).published().held("ada", "Ada", PAID, 1).confirmed("ada");
        RebuiltGathering withoutTheHold = story.foldFirst(2);

        assertThatThrownBy(() -> withoutTheHold.apply(story.events.get(3), GatheringStory.timeOf(3)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("never held");
    }

    @Test
    void withoutItsCreationThereIsNoGatheringToShow() {
        RebuiltGathering gathering = new GatheringStory().foldFirst(0);

        assertThat(gathering.exists()).isFalse();
        assertThatThrownBy(() -> gathering.view(GatheringStory.START)).isInstanceOf(IllegalStateException.class);
    }

    private static TierAsOf seatsOf(GatheringAsOfView view, Tier tier) {
        TierId tierId = tier.tierId();
        return view.tiers().stream().filter(t -> t.tierId().equals(tierId)).findFirst().orElseThrow();
    }
}
