package app.soiree.command.refund.simulated;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Actor;
import app.soiree.api.refund.RefundId;
import app.soiree.command.provider.ProviderSelection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * DEVELOPMENT ONLY: decides what the simulated provider does with a refund. It exists only while the
 * provider is {@code simulated} (404 with Stripe), and only staff may call it. For a refund that was not
 * asked for yet, the outcome is kept and applied when it is; a pending refund is settled now; a refund
 * that succeeded can still fail afterwards (as a bank sends a card refund back at Stripe), while a failed
 * refund stays failed.
 */
@RestController
@Conditional(ProviderSelection.SimulatedSelected.class)
@Tag(name = "Development: simulated payments")
class SimulatedRefundOutcomeController {

    enum Outcome { succeeded, failed }

    record OutcomeRequest(@NotNull Outcome outcome) {
    }

    /** {@code status}: the simulator's refund status now ({@code AWAITING_REQUEST} when it was not asked for yet). */
    record OutcomeAccepted(RefundId refundId, String status) {
    }

    private final SimulatedRefundProvider simulator;
    private final TransactionTemplate transactions;

    SimulatedRefundOutcomeController(SimulatedRefundProvider simulator, TransactionTemplate transactions) {
        this.simulator = simulator;
        this.transactions = transactions;
    }

    @PostMapping("/api/dev/refunds/{refundId}/outcome")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "DEVELOPMENT ONLY, simulated provider, staff: make a refund succeed or fail as if the provider had said so "
            + "(also before it is asked for). Absent (404) when the provider is stripe.")
    OutcomeAccepted decide(@PathVariable RefundId refundId, @Valid @RequestBody OutcomeRequest request, Actor actor) {
        if (!actor.isStaff()) {
            throw SoireeException.notFound("Refund");
        }
        SimulatedRefundProvider.Status next = request.outcome() == Outcome.succeeded
                ? SimulatedRefundProvider.Status.SUCCEEDED : SimulatedRefundProvider.Status.FAILED;
        SimulatedRefundProvider.SimulatedRefund refund = simulator.find(refundId).orElse(null);
        if (refund == null || refund.status() == SimulatedRefundProvider.Status.AWAITING_REQUEST) {
            if (simulator.preset(refundId, next)) {
                return new OutcomeAccepted(refundId, SimulatedRefundProvider.Status.AWAITING_REQUEST.name());
            }
            // Asked for while this was deciding: a refund leaves AWAITING_REQUEST once and for all, so it is there now.
            refund = simulator.find(refundId).orElseThrow();
        }
        if (refund.status() == SimulatedRefundProvider.Status.FAILED && next == SimulatedRefundProvider.Status.SUCCEEDED) {
            throw new SoireeException(ErrorCode.STATE_CONFLICT, "A refund that failed cannot succeed afterwards; refund again instead");
        }
        SimulatedRefundProvider.SimulatedRefund asked = refund;
        transactions.executeWithoutResult(transaction -> simulator.settle(asked, next)); // the new status and its report together
        return new OutcomeAccepted(refundId, next.name());
    }
}
