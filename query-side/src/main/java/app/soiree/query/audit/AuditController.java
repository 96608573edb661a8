package app.soiree.query.audit;

import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An entity's whole history as its events, for support and finance. Read from the event store
 * itself rather than a projection: the point of an audit trail is that nothing was summarised away.
 */
@RestController
@Tag(name = "Staff")
@PreAuthorize("hasAnyRole('SUPPORT', 'FINANCE', 'ADMIN')")
class AuditController {

    /** Far more than any entity here has; an aggregate with more needs paging, not a bigger answer. */
    static final int MAX_EVENTS = 1_000;

    private final EventStore eventStore;

    AuditController(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @GetMapping("/api/staff/audit/{aggregateType}/{id}")
    @Operation(summary = "An entity's events in order, each with its time, actor and payload",
            description = "SUPPORT, FINANCE or ADMIN. aggregateType as the aggregate's class name, e.g. Payment, Gathering, User.")
    AuditTrailView auditTrail(@PathVariable String aggregateType, @PathVariable UUID id) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id.toString()).asStream()
                .filter(event -> aggregateType.equalsIgnoreCase(event.getType()))
                .limit(MAX_EVENTS + 1L)
                .toList();
        if (events.isEmpty()) {
            throw SoireeException.notFound(aggregateType + " " + id);
        }
        boolean truncated = events.size() > MAX_EVENTS;
        List<AuditEventView> shown = events.stream().limit(MAX_EVENTS).map(AuditController::toView).toList();
        return new AuditTrailView(events.getFirst().getType(), id, shown, truncated);
    }

    private static AuditEventView toView(DomainEventMessage<?> event) {
        Object userId = event.getMetaData().get(Actor.USER_ID_KEY);
        return new AuditEventView(event.getSequenceNumber(), event.getPayloadType().getSimpleName(), event.getTimestamp(),
                userId == null ? Actor.SYSTEM : userId.toString(), event.getPayload());
    }

    /** {@code truncated}: the entity has more than {@link #MAX_EVENTS} events and only the first are shown. */
    record AuditTrailView(String aggregateType, UUID aggregateId, List<AuditEventView> events, boolean truncated) {
    }

    /** {@code payload} is the event itself, written as JSON the way the API writes every value. */
    record AuditEventView(long sequence, String type, Instant occurredAt, String actor, Object payload) {
    }
}
