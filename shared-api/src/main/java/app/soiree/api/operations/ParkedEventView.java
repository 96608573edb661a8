package app.soiree.api.operations;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An event a projection could not apply, and every later event of the same aggregate, which waits
 * behind it so that the projection sees that aggregate's events in order.
 *
 * @param parkedEventId      the dead letter's id
 * @param processingGroup    the projection (Axon processing group) that parked it
 * @param sequence           what orders it: the aggregate id (the event id for an event of no aggregate)
 * @param positionInSequence 0 for the event that failed first; later ones wait behind it
 * @param eventType          the payload's class name
 * @param aggregateSequence  the event's sequence number within its aggregate, when it has one
 * @param parkedAt           when it was parked
 * @param lastTriedAt        when it was last parked or retried
 * @param errorType          the class of the last failure; absent for an event only waiting behind another
 * @param errorMessage       the last failure's message, shortened
 * @param retries            how many retries failed since it was parked
 */
public record ParkedEventView(
        String parkedEventId,
        String processingGroup,
        String sequence,
        long positionInSequence,
        String eventId,
        String eventType,
        @Nullable Long aggregateSequence,
        Instant parkedAt,
        @Nullable Instant lastTriedAt,
        @Nullable String errorType,
        @Nullable String errorMessage,
        int retries) {

    /** The event that holds up its sequence: the one staff retry or drop first. */
    public boolean isHead() {
        return positionInSequence == 0;
    }
}
