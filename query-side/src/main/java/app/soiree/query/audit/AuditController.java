package app.soiree.query.audit;

import app.soiree.api.audit.AuditEventView;
import app.soiree.api.audit.AuditTrailPage;
import app.soiree.api.audit.FindAuditTrail;
import app.soiree.api.error.SoireeException;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An entity's history as its events, for support and finance; answered by {@link AuditTrail}, as the console is. */
@RestController
@Tag(name = "Staff")
@PreAuthorize("hasAnyRole('SUPPORT', 'FINANCE', 'ADMIN')")
class AuditController {

    /** An aggregate with more events than this needs paging, not a bigger answer. */
    static final int MAX_EVENTS = AuditTrail.MAX_EVENTS_PER_PAGE;

    private final QueryGateway queryGateway;

    AuditController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/api/staff/audit/{aggregateType}/{id}")
    @Operation(summary = "An entity's events in order, each with its time, actor and payload",
            description = "SUPPORT, FINANCE or ADMIN. aggregateType as the aggregate's class name, e.g. Payment, Gathering, User.")
    AuditTrailView auditTrail(@PathVariable String aggregateType, @PathVariable UUID id) {
        AuditTrailPage page = queryGateway.query(new FindAuditTrail(aggregateType, id, 0, MAX_EVENTS),
                ResponseTypes.instanceOf(AuditTrailPage.class)).join();
        if (page == null) {
            throw SoireeException.notFound(aggregateType + " " + id);
        }
        return new AuditTrailView(page.aggregateType(), id, page.events().stream().map(AuditController::toWire).toList(),
                page.nextSequence() != null);
    }

    private static AuditEventWire toWire(AuditEventView event) {
        return new AuditEventWire(event.sequence(), event.type(), event.occurredAt(), event.actor(), event.payloadJson());
    }

    /** {@code truncated}: the entity has more than {@link #MAX_EVENTS} events and only the first are shown. */
    record AuditTrailView(String aggregateType, UUID aggregateId, List<AuditEventWire> events, boolean truncated) {
    }

    /** {@code payload} is the event itself, written as JSON the way the API writes every value. */
    record AuditEventWire(long sequence, String type, Instant occurredAt, String actor,
                          @JsonRawValue @Schema(type = "object") String payload) {
    }
}
