package app.soiree.query.gathering.history;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.GatheringId;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a gathering as it stood at an instant from its events in the event store, read from sequence 0. Not from
 * {@code readEvents(id)}: that starts at the aggregate's latest snapshot, which is the gathering as it is now; and not
 * from a read model, which holds only the present.
 *
 * <p>The fold takes the stream's events in order while their stored time is not after {@code at}, and stops at the
 * first one that is: what it shows is a prefix of the stream, a state the gathering really had, even if two events
 * were ever stamped out of order. Stored times have millisecond precision.
 */
@Component
class GatheringTimeTravel {

    /** The command side's aggregate type: an id of another kind of aggregate is not a gathering. */
    static final String AGGREGATE_TYPE = "Gathering";

    private final EventStore eventStore;

    GatheringTimeTravel(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * The gathering as it stood at {@code at}. Not found when no gathering has this id, and also when it was created
     * after {@code at}: it did not exist then. The two are told apart in the message, not the code.
     */
    GatheringAsOfView asOf(GatheringId gatheringId, Instant at) {
        DomainEventStream stream = eventStore.readEvents(gatheringId.toString(), 0);
        if (!stream.hasNext() || !AGGREGATE_TYPE.equals(stream.peek().getType())) {
            throw SoireeException.notFound("Gathering " + gatheringId);
        }
        Instant createdAt = stream.peek().getTimestamp();
        if (createdAt.isAfter(at)) {
            throw new SoireeException(ErrorCode.NOT_FOUND,
                    "Gathering " + gatheringId + " did not exist yet at " + at + "; it was created at " + createdAt);
        }
        RebuiltGathering gathering = new RebuiltGathering(gatheringId);
        while (stream.hasNext() && !stream.peek().getTimestamp().isAfter(at)) {
            DomainEventMessage<?> event = stream.next();
            gathering.apply(event.getPayload(), event.getTimestamp());
        }
        return gathering.view(at);
    }
}
