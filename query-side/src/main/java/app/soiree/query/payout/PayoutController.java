package app.soiree.query.payout;

import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.Role;
import app.soiree.api.payout.FindHostPayouts;
import app.soiree.api.payout.FindPayout;
import app.soiree.api.payout.FindPayoutAccount;
import app.soiree.api.payout.FindPayoutRiskHints;
import app.soiree.api.payout.FindPayouts;
import app.soiree.api.payout.PayoutAccountView;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.PayoutPage;
import app.soiree.api.payout.PayoutRiskHints;
import app.soiree.api.payout.PayoutStatus;
import app.soiree.api.payout.PayoutView;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.PageLimit;
import app.soiree.query.paging.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Payouts as their hosts see them, and the payout queue as finance sees it. */
@RestController
@Tag(name = "Payouts")
class PayoutController {

    private final QueryGateway queryGateway;

    PayoutController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/api/payouts/{payoutId}")
    @Operation(summary = "One payout", description = "Its host, or FINANCE; anyone else gets 404.")
    PayoutView payout(@PathVariable PayoutId payoutId, Actor actor) {
        PayoutView payout = queryGateway.query(new FindPayout(payoutId), ResponseTypes.instanceOf(PayoutView.class)).join();
        if (payout == null || !(payout.hostId().equals(actor.userId()) || actor.has(Role.FINANCE))) {
            throw SoireeException.notFound("Payout " + payoutId);
        }
        return payout;
    }

    @GetMapping("/api/me/payouts")
    @PreAuthorize("hasRole('HOST')")
    @Operation(summary = "The signed-in host's payouts, newest first")
    PageResponse<PayoutView> myPayouts(Actor actor, @RequestParam(required = false) @Nullable String cursor,
                                       @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) @Nullable Integer limit) {
        PayoutPage page = queryGateway.query(new FindHostPayouts(actor.userId(), Cursor.requireValid(cursor), PageLimit.validated(limit)),
                ResponseTypes.instanceOf(PayoutPage.class)).join();
        return new PageResponse<>(page.items(), page.nextCursor());
    }

    @GetMapping("/api/me/payout-account")
    @PreAuthorize("hasRole('HOST')")
    @Operation(summary = "The signed-in host's payout account: NONE, ONBOARDING, ENABLED or DISABLED")
    PayoutAccountView payoutAccount(Actor actor) {
        return queryGateway.query(new FindPayoutAccount(actor.userId()), ResponseTypes.instanceOf(PayoutAccountView.class)).join();
    }

    @GetMapping("/api/staff/payouts")
    @PreAuthorize("hasRole('FINANCE')")
    @Operation(summary = "Payouts of every host, oldest request first (FINANCE); ?status=PENDING_APPROVAL is the approval queue, "
            + "each with the approvals given so far")
    PageResponse<PayoutView> payouts(@RequestParam(required = false) @Nullable PayoutStatus status,
                                     @RequestParam(required = false) @Nullable String cursor,
                                     @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) @Nullable Integer limit) {
        PayoutPage page = queryGateway.query(new FindPayouts(status, Cursor.requireValid(cursor), PageLimit.validated(limit)),
                ResponseTypes.instanceOf(PayoutPage.class)).join();
        return new PageResponse<>(page.items(), page.nextCursor());
    }

    @GetMapping("/api/staff/payouts/{payoutId}/risk-hints")
    @PreAuthorize("hasRole('FINANCE')")
    @Operation(summary = "What finance may want to know before approving (FINANCE): the host's account age, payout history")
    PayoutRiskHints riskHints(@PathVariable PayoutId payoutId) {
        PayoutRiskHints hints = queryGateway.query(new FindPayoutRiskHints(payoutId), ResponseTypes.instanceOf(PayoutRiskHints.class))
                .join();
        if (hints == null) {
            throw SoireeException.notFound("Payout " + payoutId);
        }
        return hints;
    }
}
