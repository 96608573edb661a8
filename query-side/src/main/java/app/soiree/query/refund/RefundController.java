package app.soiree.query.refund;

import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.FindGatheringCancellation;
import app.soiree.api.gathering.GatheringCancellationView;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.Actor;
import app.soiree.api.refund.FindRefunds;
import app.soiree.api.refund.RefundPage;
import app.soiree.api.refund.RefundStatus;
import app.soiree.api.refund.RefundView;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.PageLimit;
import app.soiree.query.paging.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Refunds")
class RefundController {

    private static final String LIMIT = "1 to 100, default 20";

    private final QueryGateway queryGateway;

    RefundController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/api/staff/refunds")
    @PreAuthorize("hasAnyRole('SUPPORT', 'FINANCE', 'ADMIN')")
    @Operation(summary = "Refunds, newest first, optionally of one booking or in one status (staff)",
            description = "status OUTCOME_UNKNOWN lists the refunds the provider never answered about, left to staff.")
    PageResponse<RefundView> refunds(@RequestParam(required = false) @Nullable RefundStatus status,
                                     @RequestParam(required = false) @Nullable UUID bookingId,
                                     @RequestParam(required = false) @Nullable String cursor,
                                     @Parameter(description = LIMIT) @RequestParam(required = false) @Nullable Integer limit) {
        return page(new FindRefunds(bookingId == null ? null : new BookingId(bookingId), status, Cursor.requireValid(cursor),
                PageLimit.validated(limit)));
    }

    @GetMapping("/api/staff/bookings/{bookingId}/refunds")
    @PreAuthorize("hasAnyRole('SUPPORT', 'FINANCE', 'ADMIN')")
    @Operation(summary = "A booking's refunds, newest first, with their status, reason and who asked for them (staff)")
    PageResponse<RefundView> bookingRefunds(@PathVariable UUID bookingId,
                                            @RequestParam(required = false) @Nullable String cursor,
                                            @Parameter(description = LIMIT) @RequestParam(required = false) @Nullable Integer limit) {
        return page(new FindRefunds(new BookingId(bookingId), null, Cursor.requireValid(cursor), PageLimit.validated(limit)));
    }

    @GetMapping("/api/gatherings/{gatheringId}/cancellation")
    @Operation(summary = "How far the refunds of a cancelled gathering have come",
            description = "Its host, and staff; 404 for anyone else or while the gathering is not cancelled.")
    GatheringCancellationView cancellation(@PathVariable UUID gatheringId, Actor actor) {
        GatheringCancellationView progress = queryGateway.query(new FindGatheringCancellation(new GatheringId(gatheringId), actor.userId(),
                actor.isStaff()), ResponseTypes.instanceOf(GatheringCancellationView.class)).join();
        if (progress == null) {
            throw SoireeException.notFound("Cancellation of gathering " + gatheringId);
        }
        return progress;
    }

    private PageResponse<RefundView> page(FindRefunds query) {
        RefundPage page = queryGateway.query(query, ResponseTypes.instanceOf(RefundPage.class)).join();
        return new PageResponse<>(page.items(), page.nextCursor());
    }
}
