package app.soiree.query.audit;

import app.soiree.api.audit.CausalTimelinePage;
import app.soiree.api.audit.FindCausalTimeline;
import app.soiree.api.audit.TimelineActorView;
import app.soiree.api.audit.TimelineEventView;
import app.soiree.api.audit.TimelineSubject;
import app.soiree.api.error.InvalidFieldsException;
import app.soiree.api.error.SoireeException;
import app.soiree.api.ledger.Posting;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole causal story of a booking, host, payout, user, gathering or payment, across aggregates, in the store's
 * order; answered by {@link CausalTimeline}, as the console is. The subjects are spelt in lower case, as here; an
 * aggregate's class name ({@code /api/staff/audit/Payment/…}) still answers that one aggregate's trail
 * ({@link AuditController}).
 */
@RestController
@Tag(name = "Staff")
@PreAuthorize("hasAnyRole('SUPPORT', 'FINANCE')")
class CausalTimelineController {

    static final int DEFAULT_LIMIT = 100;
    private static final String DESCRIPTION = "SUPPORT or FINANCE. Each event with its actor (user, provider, deadline or the "
            + "platform), what caused it (causationId, and causingEventId: the nearest stored event up the chain), the chain's "
            + "first message (correlationId), the postings of a money event and the event as stored. Paged by nextCursor.";

    private final QueryGateway queryGateway;

    CausalTimelineController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/api/staff/audit/booking/{id}")
    @Operation(summary = "A booking's story: held, paid, refunded, disputed, released and paid out", description = DESCRIPTION)
    TimelineView booking(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor,
                         @RequestParam(required = false) @Nullable Integer limit) {
        return timeline(TimelineSubject.BOOKING, id, cursor, limit);
    }

    @GetMapping("/api/staff/audit/host/{id}")
    @Operation(summary = "A host's story: gatherings, bookings, earnings, wallet and payouts", description = DESCRIPTION)
    TimelineView host(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor,
                      @RequestParam(required = false) @Nullable Integer limit) {
        return timeline(TimelineSubject.HOST, id, cursor, limit);
    }

    @GetMapping("/api/staff/audit/payout/{id}")
    @Operation(summary = "A payout's story, with the release of the earnings it paid out", description = DESCRIPTION)
    TimelineView payout(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor,
                        @RequestParam(required = false) @Nullable Integer limit) {
        return timeline(TimelineSubject.PAYOUT, id, cursor, limit);
    }

    @GetMapping("/api/staff/audit/user/{id}")
    @Operation(summary = "Everything that names a user", description = DESCRIPTION)
    TimelineView user(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor,
                      @RequestParam(required = false) @Nullable Integer limit) {
        return timeline(TimelineSubject.USER, id, cursor, limit);
    }

    @GetMapping("/api/staff/audit/gathering/{id}")
    @Operation(summary = "A gathering's story, its bookings' included", description = DESCRIPTION)
    TimelineView gathering(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor,
                           @RequestParam(required = false) @Nullable Integer limit) {
        return timeline(TimelineSubject.GATHERING, id, cursor, limit);
    }

    @GetMapping("/api/staff/audit/payment/{id}")
    @Operation(summary = "A payment's story: its refunds and disputes included", description = DESCRIPTION)
    TimelineView payment(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor,
                         @RequestParam(required = false) @Nullable Integer limit) {
        return timeline(TimelineSubject.PAYMENT, id, cursor, limit);
    }

    TimelineView timeline(TimelineSubject subject, UUID id, @Nullable String cursor, @Nullable Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > FindCausalTimeline.MAX_LIMIT) {
            throw InvalidFieldsException.of("limit", "must be between 1 and " + FindCausalTimeline.MAX_LIMIT);
        }
        if (cursor != null && !cursor.matches("\\d{1,18}")) {
            throw InvalidFieldsException.of("cursor", "must be a nextCursor of an earlier page");
        }
        CausalTimelinePage page = queryGateway.query(new FindCausalTimeline(subject, id, cursor, size),
                ResponseTypes.instanceOf(CausalTimelinePage.class)).join();
        if (page == null) {
            throw SoireeException.notFound(subject.pathName() + " " + id);
        }
        return new TimelineView(subject.pathName(), id, page.items().stream().map(CausalTimelineController::toWire).toList(),
                page.nextCursor());
    }

    private static TimelineItem toWire(TimelineEventView event) {
        TimelineActorView actor = event.actor();
        return new TimelineItem(event.eventId(), event.position(), event.type(), event.occurredAt(), event.aggregateType(),
                event.aggregateId(), event.sequence(), new ActorWire(actor.userId(), actor.roles(), actor.kind().name(), actor.provider()),
                event.causationId(), event.causationType(), event.causingEventId(), event.correlationId(), event.postings(),
                event.payloadJson());
    }

    record TimelineView(String subject, UUID id, List<TimelineItem> items, @Nullable String nextCursor) {
    }

    /** {@code position}: the event's place in the store's global order. {@code payload} is the event as stored, as JSON. */
    record TimelineItem(String eventId, long position, String type, Instant occurredAt, String aggregateType, String aggregateId,
                        long sequence, ActorWire actor, @Nullable String causationId, @Nullable String causationType,
                        @Nullable String causingEventId, @Nullable String correlationId,
                        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<Posting> postings,
                        @JsonRawValue @Schema(type = "object") String payload) {
    }

    /** {@code kind}: USER, PROVIDER, DEADLINE or SYSTEM; userId and roles for a user, provider for a provider. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ActorWire(@Nullable String userId, @Nullable String roles, String kind, @Nullable String provider) {
    }
}
