package app.soiree.command.payment.simulated;

import app.soiree.api.Money;
import app.soiree.api.RandomUuids;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Actor;
import app.soiree.api.payment.PaymentId;
import app.soiree.command.provider.ProviderSelection;
import app.soiree.command.provider.ProviderInbox;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * DEVELOPMENT ONLY: decides what the simulated provider does with a payment: it succeeds or fails, or the
 * guest's bank disputes it and the dispute is won or lost. It exists only while the provider is
 * {@code simulated}; with Stripe configured the path is not there (404). The payment's guest (who would be
 * paying) and staff may call it.
 */
@RestController
@Conditional(ProviderSelection.SimulatedSelected.class)
@Tag(name = "Development: simulated payments")
class SimulatedOutcomeController {

    enum Outcome { succeeded, failed, disputed, dispute_won, dispute_lost }

    /**
     * {@code amount} (minor units of the payment's currency), {@code reason} and {@code evidenceDueBy} only for
     * {@code disputed}: by default the whole payment, {@code fraudulent}, and {@code soiree.disputes.simulated-evidence-window}
     * from now.
     */
    record OutcomeRequest(@NotNull Outcome outcome, @Nullable @Positive Long amount, @Nullable @Size(max = 64) String reason,
                          @Nullable Instant evidenceDueBy) {
    }

    record OutcomeAccepted(String eventId) {
    }

    private final SimulatedPaymentProvider simulator;
    private final SimulatedDisputeDesk disputes;
    private final ProviderInbox inbox;
    private final TransactionTemplate transactions;

    SimulatedOutcomeController(SimulatedPaymentProvider simulator, SimulatedDisputeDesk disputes, ProviderInbox inbox,
                               TransactionTemplate transactions) {
        this.simulator = simulator;
        this.disputes = disputes;
        this.inbox = inbox;
        this.transactions = transactions;
    }

    @PostMapping("/api/dev/payments/{paymentId}/outcome")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "DEVELOPMENT ONLY, simulated provider: make a payment succeed or fail, or have it disputed and the "
            + "dispute won or lost, as if the provider had said so. Absent (404) when the provider is stripe.",
            description = "disputed: 409 PAYMENT_NOT_CAPTURED before a success, 409 STATE_CONFLICT when disputed already. "
                    + "dispute_won, dispute_lost: 409 when there is no open dispute.")
    OutcomeAccepted decide(@PathVariable PaymentId paymentId, @Valid @RequestBody OutcomeRequest request, Actor actor) {
        // One transaction on one connection, the intent's row locked: what the simulator records and the event that reports
        // it are both there before the 202 or neither is (an intent that succeeded without its event would never be
        // captured), and two outcomes asked for at once are decided one after the other.
        return new OutcomeAccepted(transactions.execute(transaction -> {
            SimulatedPaymentProvider.Intent intent = simulator.lock(paymentId)
                    .filter(found -> found.guestId().equals(actor.userId()) || actor.isStaff())
                    .orElseThrow(() -> SoireeException.notFound("Payment"));
            return switch (request.outcome()) {
                case succeeded -> settle(intent, SimulatedPaymentProvider.IntentStatus.SUCCEEDED);
                case failed -> settle(intent, SimulatedPaymentProvider.IntentStatus.FAILED);
                case disputed -> disputes.open(intent,
                        request.amount() == null ? intent.amount() : new Money(request.amount(), intent.amount().currency()),
                        request.reason() == null ? "fraudulent" : request.reason(), request.evidenceDueBy());
                case dispute_won -> disputes.decide(paymentId, true);
                case dispute_lost -> disputes.decide(paymentId, false);
            };
        }));
    }

    private String settle(SimulatedPaymentProvider.Intent intent, SimulatedPaymentProvider.IntentStatus next) {
        if (intent.status() == SimulatedPaymentProvider.IntentStatus.SUCCEEDED && next == SimulatedPaymentProvider.IntentStatus.FAILED) {
            throw SoireeException.conflict("A payment that succeeded cannot fail afterwards");
        }
        String eventId = "sim_evt_" + RandomUuids.next().toString().replace("-", "");
        String payload = simulator.settle(intent, next);
        inbox.receive(eventId, next == SimulatedPaymentProvider.IntentStatus.SUCCEEDED ? "payment.succeeded" : "payment.failed", payload);
        return eventId;
    }
}
