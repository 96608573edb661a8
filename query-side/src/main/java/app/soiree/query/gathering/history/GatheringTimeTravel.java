package app.soiree.query.gathering.history;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.InvalidFieldsException;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.FindGatheringAsOf;
import app.soiree.api.gathering.GatheringAsOfResult;
import app.soiree.api.gathering.GatheringAsOfView;
import app.soiree.api.gathering.GatheringId;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a gathering as it stood at an instant from its events in the event store, read from sequence 0. Not from
 * {@code readEvents(id)}: that starts at the aggregate's latest snapshot, which is the gathering as it is now; and not
 * from a read model, which holds only the present.
 *
 * <p>The fold takes the stream's events in order while their stored time is not after {@code at}, and stops at the
 * first one that is: what it shows is a prefix of the stream, a state the gathering really had, even if two events
 * were ever stamped out of order. Stored times have millisecond precision. An instant in the future is refused on
 * its field ({@code at}), whoever asks: the REST API or the console's query.
 */
@Component
class GatheringTimeTravel {

    /** The command side's aggregate type: an id of another kind of aggregate is not a gathering. */
    static final String AGGREGATE_TYPE = "Gathering";

    private final EventStore eventStore;
    private final Clock clock;

    GatheringTimeTravel(EventStore eventStore, Clock clock) {
        this.eventStore = eventStore;
        this.clock = clock;
    }

    /** As the console asks it: the same rebuild, with "none" and "not yet" in the answer rather than thrown. */
    @QueryHandler
    @Nullable GatheringAsOfResult handle(FindGatheringAsOf query) {
        return travel(query.gatheringId(), query.at());
    }

    /**
     * The gathering as it stood at {@code at}. Not found when no gathering has this id, and also when it was created
     * after {@code at}: it did not exist then. The two are told apart in the message, not the code.
     */
    GatheringAsOfView asOf(GatheringId gatheringId, Instant at) {
        GatheringAsOfResult result = travel(gatheringId, at);
        if (result == null) {
            throw SoireeException.notFound("Gathering " + gatheringId);
        }
        GatheringAsOfView gathering = result.gathering();
        if (gathering == null) {
            throw new SoireeException(ErrorCode.NOT_FOUND,
                    "Gathering " + gatheringId + " did not exist yet at " + at + "; it was created at " + result.createdAt());
        }
        return gathering;
    }

    /** Null when no gathering has this id; without the gathering when it was created after {@code at}. */
    private @Nullable GatheringAsOfResult travel(GatheringId gatheringId, Instant at) {
        // The future is not rebuilt from events: deadlines and people may still change it.
        if (at.isAfter(clock.instant())) {
            throw InvalidFieldsException.of("at", "must not be in the future");
        }
        DomainEventStream stream = eventStore.readEvents(gatheringId.toString(), 0);
        if (!stream.hasNext() || !AGGREGATE_TYPE.equals(stream.peek().getType())) {
            return null;
        }
        Instant createdAt = stream.peek().getTimestamp();
        if (createdAt.isAfter(at)) {
            return new GatheringAsOfResult(createdAt, null);
        }
        RebuiltGathering gathering = new RebuiltGathering(gatheringId);
        while (stream.hasNext() && !stream.peek().getTimestamp().isAfter(at)) {
            DomainEventMessage<?> event = stream.next();
            gathering.apply(event.getPayload(), event.getTimestamp());
        }
        return new GatheringAsOfResult(createdAt, gathering.view(at));
    }
}
