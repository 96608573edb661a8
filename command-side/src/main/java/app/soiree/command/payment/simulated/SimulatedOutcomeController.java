package app.soiree.command.payment.simulated;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Actor;
import app.soiree.api.payment.PaymentId;
import app.soiree.command.payment.PaymentProviders;
import app.soiree.command.payment.ProviderInbox;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * DEVELOPMENT ONLY: decides what the simulated provider does with a payment. It exists only while the
 * provider is {@code simulated}; with Stripe configured the path is not there (404). The payment's
 * guest (who would be paying) and staff may call it.
 */
@RestController
@Conditional(PaymentProviders.SimulatedSelected.class)
@Tag(name = "Development: simulated payments")
class SimulatedOutcomeController {

    enum Outcome { succeeded, failed, disputed, dispute_won, dispute_lost }

    record OutcomeRequest(@NotNull Outcome outcome) {
    }

    record OutcomeAccepted(String eventId) {
    }

    private final SimulatedPaymentProvider simulator;
    private final ProviderInbox inbox;

    SimulatedOutcomeController(SimulatedPaymentProvider simulator, ProviderInbox inbox) {
        this.simulator = simulator;
        this.inbox = inbox;
    }

    @PostMapping("/api/dev/payments/{paymentId}/outcome")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "DEVELOPMENT ONLY, simulated provider: make a payment succeed or fail as if the provider had said so. "
            + "Absent (404) when the provider is stripe.")
    OutcomeAccepted decide(@PathVariable PaymentId paymentId, @Valid @RequestBody OutcomeRequest request, Actor actor) {
        SimulatedPaymentProvider.Intent intent = simulator.find(paymentId)
                .filter(found -> found.guestId().equals(actor.userId()) || actor.isStaff())
                .orElseThrow(() -> SoireeException.notFound("Payment"));
        SimulatedPaymentProvider.IntentStatus next = switch (request.outcome()) {
            case succeeded -> SimulatedPaymentProvider.IntentStatus.SUCCEEDED;
            case failed -> SimulatedPaymentProvider.IntentStatus.FAILED;
            case disputed, dispute_won, dispute_lost -> throw new SoireeException(ErrorCode.STATE_CONFLICT,
                    "The simulator does not open disputes yet: only succeeded and failed are simulated");
        };
        if (intent.status() == SimulatedPaymentProvider.IntentStatus.SUCCEEDED && next == SimulatedPaymentProvider.IntentStatus.FAILED) {
            throw SoireeException.conflict("A payment that succeeded cannot fail afterwards");
        }
        String eventId = "sim_evt_" + UUID.randomUUID().toString().replace("-", "");
        String payload = simulator.settle(intent, next);
        inbox.receive(eventId, next == SimulatedPaymentProvider.IntentStatus.SUCCEEDED ? "payment.succeeded" : "payment.failed", payload);
        return new OutcomeAccepted(eventId);
    }
}
