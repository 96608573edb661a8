package app.soiree.query.gathering;

import static app.soiree.query.GatheringScenario.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.gathering.FindGathering;
import app.soiree.api.gathering.GatheringStatus;
import app.soiree.api.gathering.GatheringView;
import app.soiree.api.gathering.RefundPolicy;
import app.soiree.api.gathering.Venue;
import app.soiree.api.identity.UserId;
import app.soiree.query.GatheringScenario;
import app.soiree.query.ProjectionTest;
import java.time.Duration;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class GatheringVisibilityAndRatingsTest extends ProjectionTest {

    @Autowired
    QueryGateway queries;

    final UserId host = UserId.random();
    final GatheringScenario dinner = GatheringScenario.hostedBy(host);

    @Test
    void aDraftIsVisibleToItsHostAndToNobodyElse() {
        events.publish(dinner.created());

        assertThat(find(dinner, host)).isNotNull();
        assertThat(find(dinner, UserId.random())).isNull();
        assertThat(find(dinner, null)).isNull();
    }

    @Test
    void aPublishedGatheringIsVisibleToAnyoneWithAllItsDetails() {
        events.publish(dinner.created(), dinner.published());

        GatheringView gathering = find(dinner, null);

        assertThat(gathering).isNotNull();
        assertThat(gathering.status()).isEqualTo(GatheringStatus.PUBLISHED);
        assertThat(gathering.hostId()).isEqualTo(host);
        assertThat(gathering.title()).isEqualTo("Supper club");
        assertThat(gathering.description()).isEqualTo("Five courses shared with strangers");
        assertThat(gathering.startsAt()).isEqualTo(dinner.details().startsAt());
        assertThat(gathering.endsAt()).isEqualTo(dinner.details().endsAt());
        assertThat(gathering.timezone()).isEqualTo("Europe/Berlin");
        assertThat(gathering.venue()).isEqualTo(new Venue("Kantine", "Hauptstraße 1, Berlin", 52.52, 13.40));
        assertThat(gathering.tags()).containsExactly("food");
        assertThat(gathering.refundPolicy()).isEqualTo(new RefundPolicy(48));
        assertThat(gathering.tiers()).singleElement().satisfies(tier -> {
            assertThat(tier.tierId()).isEqualTo(dinner.tier().tierId());
            assertThat(tier.price()).isEqualTo(dinner.tier().price());
            assertThat(tier.available()).isEqualTo(10);
        });
    }

    @Test
    void aCancelledGatheringStaysCancelledWhenItsPublicationIsDeliveredAgain() {
        events.publish(dinner.created(), dinner.published(), dinner.cancelled());

        events.publish(dinner.created(), dinner.published());

        assertThat(find(dinner, null).status()).isEqualTo(GatheringStatus.CANCELLED);
    }

    @Test
    void anEndedGatheringRemainsVisible() {
        events.publish(dinner.created(), dinner.published(), dinner.ended());

        assertThat(find(dinner, null).status()).isEqualTo(GatheringStatus.ENDED);
    }

    @Test
    void aGatheringWithoutReviewsHasNoRatingRatherThanZero() {
        events.publish(dinner.created(), dinner.published());

        GatheringView gathering = find(dinner, null);

        assertThat(gathering.rating()).isNull();
        assertThat(gathering.ratingCount()).isZero();
        assertThat(gathering.hostRating()).isNull();
    }

    @Test
    void theRatingAveragesTheGatheringsReviewsAndTheHostRatingAveragesAllReviewsOfTheHost() {
        GatheringScenario brunch = GatheringScenario.hostedBy(host);
        GatheringScenario someoneElses = GatheringScenario.hostedBy(UserId.random());
        events.publish(dinner.created(), dinner.published(), dinner.ended(),
                brunch.created(), brunch.published(), brunch.ended(),
                someoneElses.created(), someoneElses.published(), someoneElses.ended());

        events.publish(
                dinner.reviewed(UserId.random(), 5, NOW),
                dinner.reviewed(UserId.random(), 4, NOW),
                brunch.reviewed(UserId.random(), 1, NOW),
                someoneElses.reviewed(UserId.random(), 1, NOW));

        GatheringView gathering = find(dinner, null);
        assertThat(gathering.rating()).isEqualTo(4.5);
        assertThat(gathering.ratingCount()).isEqualTo(2);
        assertThat(gathering.hostRating()).isEqualTo(10.0 / 3);
    }

    @Test
    void aReviewDeliveredTwiceCountsOnce() {
        events.publish(dinner.created(), dinner.published(), dinner.ended());
        var review = dinner.reviewed(UserId.random(), 5, NOW.plus(Duration.ofDays(31)));

        events.publish(review, review, dinner.reviewed(UserId.random(), 2, NOW.plus(Duration.ofDays(32))));

        assertThat(find(dinner, null).rating()).isEqualTo(3.5);
        assertThat(find(dinner, null).ratingCount()).isEqualTo(2);
    }

    private @Nullable GatheringView find(GatheringScenario scenario, @Nullable UserId viewer) {
        return queries.query(new FindGathering(scenario.id(), viewer), ResponseTypes.instanceOf(GatheringView.class)).join();
    }
}
