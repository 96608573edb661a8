package app.soiree.query.dispute;

import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.DisputePage;
import app.soiree.api.dispute.DisputeStatus;
import app.soiree.api.dispute.DisputeSummary;
import app.soiree.api.dispute.DisputeView;
import app.soiree.api.dispute.FindDispute;
import app.soiree.api.dispute.FindDisputes;
import app.soiree.api.dispute.FindHostDisputes;
import app.soiree.api.dispute.HostDisputePage;
import app.soiree.api.dispute.HostDisputeView;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Actor;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.PageLimit;
import app.soiree.query.paging.PageResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Disputes for support (every dispute) and for hosts (their own only; there is no way to ask for another's). */
@RestController
class DisputeController {

    /** The longest look ahead the queue allows; disputes are due within weeks. */
    private static final Duration MAX_DUE_WITHIN = Duration.ofDays(365);

    private final QueryGateway queryGateway;

    DisputeController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /** A page of the queue; {@code overdueCount} counts every overdue dispute, whatever the filters. */
    record DisputeQueue(List<DisputeSummary> items, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String nextCursor,
                        long overdueCount) {
    }

    @GetMapping("/api/staff/disputes")
    @Tag(name = "Staff")
    @PreAuthorize("hasRole('SUPPORT')")
    @Operation(summary = "Support's dispute queue, soonest evidence due date first", description = "SUPPORT only. "
            + "status may be repeated or comma-separated; amounts in minor units; dueWithin an ISO-8601 duration (P2D) that "
            + "keeps disputes due before now plus it, overdue ones included.")
    DisputeQueue disputes(@RequestParam(required = false) @Nullable List<DisputeStatus> status,
                          @RequestParam(required = false) @Nullable Long minAmount,
                          @RequestParam(required = false) @Nullable Long maxAmount,
                          @Parameter(description = "ISO-8601 duration, e.g. P3D") @RequestParam(required = false) @Nullable Duration dueWithin,
                          @RequestParam(required = false) @Nullable String cursor,
                          @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) @Nullable Integer limit) {
        if ((minAmount != null && minAmount < 0) || (maxAmount != null && maxAmount < 0)
                || (minAmount != null && maxAmount != null && minAmount > maxAmount)) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "minAmount and maxAmount must be 0 or more, minAmount not above maxAmount");
        }
        if (dueWithin != null && (dueWithin.isNegative() || dueWithin.compareTo(MAX_DUE_WITHIN) > 0)) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "dueWithin must be between PT0S and P365D");
        }
        FindDisputes query = new FindDisputes(status == null ? List.of() : status, minAmount, maxAmount, dueWithin, Cursor.requireValid(cursor),
                PageLimit.validated(limit));
        DisputePage page = queryGateway.query(query, ResponseTypes.instanceOf(DisputePage.class)).join();
        return new DisputeQueue(page.items(), page.nextCursor(), page.overdueCount());
    }

    @GetMapping("/api/staff/disputes/{disputeId}")
    @Tag(name = "Staff")
    @PreAuthorize("hasRole('SUPPORT')")
    @Operation(summary = "One dispute: payment, booking, guest, host, amounts, evidence, files and timeline", description = "SUPPORT only.")
    DisputeView dispute(@PathVariable DisputeId disputeId) {
        DisputeView dispute = queryGateway.query(new FindDispute(disputeId), ResponseTypes.instanceOf(DisputeView.class)).join();
        if (dispute == null) {
            throw SoireeException.notFound("Dispute " + disputeId);
        }
        return dispute;
    }

    @GetMapping("/api/me/disputes")
    @Tag(name = "Wallet")
    @PreAuthorize("hasRole('HOST')")
    @Operation(summary = "The signed-in host's disputes, newest first", description = "HOST only.")
    PageResponse<HostDisputeView> myDisputes(Actor actor, @RequestParam(required = false) @Nullable String cursor,
                                             @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) @Nullable Integer limit) {
        HostDisputePage page = queryGateway.query(new FindHostDisputes(actor.userId(), Cursor.requireValid(cursor), PageLimit.validated(limit)),
                ResponseTypes.instanceOf(HostDisputePage.class)).join();
        return new PageResponse<>(page.items(), page.nextCursor());
    }
}
