package app.soiree.api.audit;

import app.soiree.api.ledger.Posting;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One stored event of a causal timeline, as stored: {@code position} is its place in the event store's global order,
 * {@code payloadJson} the event itself as JSON. {@code causationId} is the message whose handling produced it (a
 * command, an event or a deadline, named by {@code causationType}), {@code causingEventId} the nearest stored event
 * among its causes (what a timeline draws the chain with), {@code correlationId} the first message of the chain.
 * Events stored before causation ids existed show what they have ({@link Causation}). {@code postings}: the balanced
 * postings of a money event, null for any other.
 */
public record TimelineEventView(String eventId, long position, String type, Instant occurredAt, String aggregateType,
                                String aggregateId, long sequence, TimelineActorView actor, @Nullable String causationId,
                                @Nullable String causationType, @Nullable String causingEventId, @Nullable String correlationId,
                                @Nullable List<Posting> postings, String payloadJson) {
}
