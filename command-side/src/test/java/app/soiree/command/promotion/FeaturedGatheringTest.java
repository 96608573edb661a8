package app.soiree.command.promotion;

import static app.soiree.command.Refusals.refusedWith;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringStatus;
import app.soiree.api.identity.UserId;
import app.soiree.api.promotion.FeatureGathering;
import app.soiree.api.promotion.FeaturedGatheringId;
import app.soiree.api.promotion.GatheringFeatured;
import app.soiree.api.promotion.GatheringUnfeatured;
import app.soiree.api.promotion.UnfeatureGathering;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeaturedGatheringTest {

    static final Instant NOW = Instant.parse("2026-12-20T09:00:00Z");
    static final GatheringId GATHERING = new GatheringId(new UUID(0, 7));
    static final FeaturedGatheringId FEATURE = FeaturedGatheringId.forGathering(GATHERING);
    static final UserId HOST = new UserId(new UUID(0, 1));
    static final UserId SUPPORT = new UserId(new UUID(0, 2));
    static final Instant STARTS = NOW.plus(Duration.ofDays(7));
    static final Instant FROM = NOW.plus(Duration.ofHours(1));
    static final Instant UNTIL = NOW.plus(Duration.ofDays(2));

    private final Map<GatheringId, PromotableGathering> gatherings = new HashMap<>();
    private AggregateTestFixture<FeaturedGathering> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FeaturedGathering.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource((PromotableGatherings) id -> Optional.ofNullable(gatherings.get(id)));
        gatherings.put(GATHERING, new PromotableGathering(GATHERING, HOST, GatheringStatus.PUBLISHED, STARTS));
    }

    @Test
    void featuresAnUpcomingPublishedGatheringForAWindow() {
        fixture.givenNoPriorActivity()
                .when(new FeatureGathering(GATHERING, FROM, UNTIL, SUPPORT))
                .expectEvents(featured(FROM, UNTIL));
    }

    @Test
    void featuringAgainReplacesTheWindow() {
        fixture.given(featured(FROM, UNTIL))
                .when(new FeatureGathering(GATHERING, NOW, STARTS, SUPPORT))
                .expectEvents(featured(NOW, STARTS));
    }

    @Test
    void featuringInTheSameWindowAgainChangesNothing() {
        fixture.given(featured(FROM, UNTIL))
                .when(new FeatureGathering(GATHERING, FROM, UNTIL, SUPPORT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAnUnknownGatheringAsNotFound() {
        gatherings.clear();
        fixture.givenNoPriorActivity()
                .when(new FeatureGathering(GATHERING, FROM, UNTIL, SUPPORT))
                .expectException(refusedWith(ErrorCode.NOT_FOUND));
    }

    @Test
    void refusesADraftACancelledAnEndedAndAStartedGathering() {
        for (GatheringStatus status : new GatheringStatus[] {GatheringStatus.DRAFT, GatheringStatus.CANCELLED, GatheringStatus.ENDED}) {
            gatherings.put(GATHERING, new PromotableGathering(GATHERING, HOST, status, STARTS));
            fixture.givenNoPriorActivity()
                    .when(new FeatureGathering(GATHERING, FROM, UNTIL, SUPPORT))
                    .expectException(refusedWith(ErrorCode.NOT_PROMOTABLE));
        }
        gatherings.put(GATHERING, new PromotableGathering(GATHERING, HOST, GatheringStatus.PUBLISHED, NOW.minusSeconds(1)));
        fixture.givenNoPriorActivity()
                .when(new FeatureGathering(GATHERING, NOW.minusSeconds(60), NOW.minusSeconds(30), SUPPORT))
                .expectException(refusedWith(ErrorCode.NOT_PROMOTABLE));
    }

    @Test
    void refusesAWindowOutOfOrderOrPastTheStart() {
        fixture.givenNoPriorActivity()
                .when(new FeatureGathering(GATHERING, UNTIL, FROM, SUPPORT))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
        fixture.givenNoPriorActivity()
                .when(new FeatureGathering(GATHERING, FROM, STARTS.plusSeconds(1), SUPPORT))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void removingEndsTheFeatureOnce() {
        fixture.given(featured(FROM, UNTIL))
                .when(new UnfeatureGathering(GATHERING, SUPPORT))
                .expectEvents(new GatheringUnfeatured(FEATURE, GATHERING, SUPPORT, NOW));
        fixture.given(featured(FROM, UNTIL), new GatheringUnfeatured(FEATURE, GATHERING, SUPPORT, NOW))
                .when(new UnfeatureGathering(GATHERING, SUPPORT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRemovedFeatureCanBeFeaturedAgainInTheSameWindow() {
        fixture.given(featured(FROM, UNTIL), new GatheringUnfeatured(FEATURE, GATHERING, SUPPORT, NOW))
                .when(new FeatureGathering(GATHERING, FROM, UNTIL, SUPPORT))
                .expectEvents(featured(FROM, UNTIL));
    }

    @Test
    void removingAGatheringNeverFeaturedIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new UnfeatureGathering(GATHERING, SUPPORT))
                .expectException(AggregateNotFoundException.class);
    }

    static GatheringFeatured featured(Instant from, Instant until) {
        return new GatheringFeatured(FEATURE, GATHERING, from, until, SUPPORT, NOW);
    }
}
