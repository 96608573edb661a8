package app.soiree.query.audit;

import app.soiree.api.audit.AuditEventView;
import app.soiree.api.audit.AuditTrailPage;
import app.soiree.api.audit.FindAuditTrail;
import app.soiree.api.identity.Actor;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * An entity's whole history as its events, for support and finance, one page at a time. Read from
 * the event store itself rather than a projection: the point of an audit trail is that nothing was
 * summarised away. The API's audit endpoint and the console both ask this one handler.
 */
@Component
class AuditTrail {

    /** Far more than any entity here has per screen; the console pages with much less. */
    static final int MAX_EVENTS_PER_PAGE = 1_000;

    private final EventStore eventStore;
    private final JsonMapper json;

    AuditTrail(EventStore eventStore, JsonMapper json) {
        this.eventStore = eventStore;
        this.json = json;
    }

    @QueryHandler
    @Nullable AuditTrailPage handle(FindAuditTrail query) {
        int limit = Math.clamp(query.limit(), 1, MAX_EVENTS_PER_PAGE);
        long fromSequence = Math.max(0, query.fromSequence());
        String aggregateId = query.aggregateId().toString();
        // One event more than asked for tells whether another page follows, and where it starts.
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(aggregateId, fromSequence).asStream()
                .filter(event -> query.aggregateType().equalsIgnoreCase(event.getType()))
                .limit(limit + 1L)
                .toList();
        if (events.isEmpty()) {
            // Past the last page of a known entity the page is empty; an entity without any event does not exist.
            return fromSequence == 0 ? null : new AuditTrailPage(query.aggregateType(), query.aggregateId(), List.of(), null);
        }
        Long nextSequence = events.size() > limit ? events.get(limit).getSequenceNumber() : null;
        List<AuditEventView> shown = events.stream().limit(limit).map(this::toView).toList();
        return new AuditTrailPage(events.getFirst().getType(), query.aggregateId(), shown, nextSequence);
    }

    private AuditEventView toView(DomainEventMessage<?> event) {
        Object userId = event.getMetaData().get(Actor.USER_ID_KEY);
        Object roles = event.getMetaData().get(Actor.ROLES_KEY);
        return new AuditEventView(event.getSequenceNumber(), event.getPayloadType().getSimpleName(), event.getTimestamp(),
                userId == null ? Actor.SYSTEM : userId.toString(), roles == null ? "" : roles.toString(),
                json.writeValueAsString(event.getPayload()));
    }
}
