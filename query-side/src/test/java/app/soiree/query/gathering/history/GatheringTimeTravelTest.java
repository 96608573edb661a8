package app.soiree.query.gathering.history;

import static app.soiree.query.gathering.history.GatheringStory.tier;
import static app.soiree.query.gathering.history.GatheringStory.timeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.InvalidFieldsException;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.FindGatheringAsOf;
import app.soiree.api.gathering.GatheringAsOfResult;
import app.soiree.api.gathering.GatheringAsOfView;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringStatus;
import app.soiree.api.gathering.Tier;
import app.soiree.query.ProjectionTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Time travel over a real event store: which events are read, up to when, and what counts as not found. */
class GatheringTimeTravelTest extends ProjectionTest {

    private static final Tier SMALL = tier("Small", 1000, 1);

    @Autowired
    EventStore eventStore;
    @Autowired
    GatheringTimeTravel timeTravel;
    @Autowired
    QueryGateway queries;

    private final GatheringStory story = new GatheringStory(GatheringId.random());

    @Test
    void showsTheGatheringAsItStoodAfterTheLastEventNotAfterTheInstant() {
        story.created(SMALL).published().held("ada", "Ada", SMALL, 1).confirmed("ada");
        store(story);

        GatheringAsOfView held = timeTravel.asOf(story.gatheringId, timeOf(2).plusMillis(500));
        GatheringAsOfView confirmed = timeTravel.asOf(story.gatheringId, timeOf(3));

        assertThat(held.tiers().getFirst()).extracting(t -> t.held(), t -> t.confirmed()).containsExactly(1, 0);
        assertThat(held.eventsApplied()).isEqualTo(3);
        assertThat(held.lastEventAt()).isEqualTo(timeOf(2));
        assertThat(confirmed.tiers().getFirst()).extracting(t -> t.held(), t -> t.confirmed()).containsExactly(0, 1);
    }

    @Test
    void readsTheStreamFromItsFirstEventEvenWhenASnapshotExists() {
        story.created(SMALL).published().held("ada", "Ada", SMALL, 1);
        store(story);
        // A snapshot after the hold: a read that started there would know of no creation and no tier.
        eventStore.storeSnapshot(new GenericDomainEventMessage<>(GatheringTimeTravel.AGGREGATE_TYPE, story.gatheringId.toString(), 2,
                Map.of("status", "PUBLISHED")));

        GatheringAsOfView view = timeTravel.asOf(story.gatheringId, timeOf(2));

        assertThat(view.status()).isEqualTo(GatheringStatus.PUBLISHED);
        assertThat(view.eventsApplied()).isEqualTo(3);
        assertThat(view.tiers().getFirst().held()).isEqualTo(1);
    }

    @Test
    void stopsAtTheFirstEventAfterTheInstantSoThatWhatItShowsIsAStateTheGatheringHad() {
        story.created(SMALL).published().held("ada", "Ada", SMALL, 1).confirmed("ada");
        // The hold stamped later than the confirmation after it: the confirmation alone would confirm seats never held.
        List<Instant> stamps = List.of(timeOf(0), timeOf(1), timeOf(5), timeOf(3));
        store(story, stamps);

        GatheringAsOfView view = timeTravel.asOf(story.gatheringId, timeOf(4));

        assertThat(view.eventsApplied()).isEqualTo(2);
        assertThat(view.tiers().getFirst().held()).isZero();
    }

    @Test
    void aGatheringCreatedAfterTheInstantDidNotExistThen() {
        store(story.created(SMALL));

        assertThatThrownBy(() -> timeTravel.asOf(story.gatheringId, timeOf(0).minusMillis(1)))
                .isInstanceOfSatisfying(SoireeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessageContaining("did not exist yet");
        assertThat(timeTravel.asOf(story.gatheringId, timeOf(0)).status()).isEqualTo(GatheringStatus.DRAFT);
    }

    @Test
    void anIdWithoutEventsOrOfAnotherAggregateIsNoGathering() {
        UUID paymentId = UUID.randomUUID();
        eventStore.publish(new GenericDomainEventMessage<>("Payment", paymentId.toString(), 0, Map.of("amount", 1)));

        assertThatThrownBy(() -> timeTravel.asOf(GatheringId.random(), Instant.now()))
                .isInstanceOfSatisfying(SoireeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessageContaining("was not found");
        assertThatThrownBy(() -> timeTravel.asOf(new GatheringId(paymentId), Instant.now()))
                .isInstanceOfSatisfying(SoireeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void anInstantInTheFutureIsRefusedOnItsField() {
        store(story.created(SMALL));

        assertThatThrownBy(() -> timeTravel.asOf(story.gatheringId, Instant.now().plusSeconds(60)))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(problem -> assertThat(problem.field()).isEqualTo("at")));
    }

    /** The console asks over the query bus, where "none" and "not yet" are answers rather than exceptions. */
    @Test
    void theQueryAnswersTheSameRebuildAndSaysWhenTheGatheringDidNotExistYet() {
        story.created(SMALL).published().held("ada", "Ada", SMALL, 1);
        store(story);

        GatheringAsOfResult held = ask(story.gatheringId, timeOf(2));
        GatheringAsOfResult tooEarly = ask(story.gatheringId, timeOf(0).minusMillis(1));

        assertThat(held.createdAt()).isEqualTo(timeOf(0));
        assertThat(held.gathering()).isEqualTo(timeTravel.asOf(story.gatheringId, timeOf(2)));
        assertThat(tooEarly.createdAt()).isEqualTo(timeOf(0));
        assertThat(tooEarly.gathering()).isNull();
        assertThat(queries.query(new FindGatheringAsOf(GatheringId.random(), Instant.now()), ResponseTypes.instanceOf(GatheringAsOfResult.class))
                .join()).as("no gathering has the id").isNull();
    }

    private GatheringAsOfResult ask(GatheringId gatheringId, Instant at) {
        GatheringAsOfResult result = queries.query(new FindGatheringAsOf(gatheringId, at), ResponseTypes.instanceOf(GatheringAsOfResult.class)).join();
        assertThat(result).isNotNull();
        return result;
    }

    private void store(GatheringStory story) {
        store(story, IntStream.range(0, story.events.size()).mapToObj(GatheringStory::timeOf).toList());
    }

    private void store(GatheringStory story, List<Instant> stamps) {
        eventStore.publish(IntStream.range(0, story.events.size())
                .mapToObj(sequence -> new GenericDomainEventMessage<>(GatheringTimeTravel.AGGREGATE_TYPE, story.gatheringId.toString(),
                        sequence, story.events.get(sequence), Map.of(), UUID.randomUUID().toString(), stamps.get(sequence)))
                .toList());
    }
}
