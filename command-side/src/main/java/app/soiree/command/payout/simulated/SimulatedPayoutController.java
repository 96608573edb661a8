package app.soiree.command.payout.simulated;

import app.soiree.api.RandomUuids;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Actor;
import app.soiree.api.payout.PayoutId;
import app.soiree.command.provider.ProviderSelection;
import app.soiree.command.provider.ProviderInbox;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * DEVELOPMENT ONLY: decides what the simulated provider does with payouts. It exists only while the
 * provider is {@code simulated}; with Stripe configured these paths are not there (404).
 */
@RestController
@Conditional(ProviderSelection.SimulatedSelected.class)
@Tag(name = "Development: simulated payouts")
class SimulatedPayoutController {

    enum AccountOutcome { succeeded, failed, unanswered }

    enum PayoutOutcome { failed, reversed }

    record AccountOutcomeRequest(@NotNull AccountOutcome outcome) {
    }

    record PayoutOutcomeRequest(@NotNull PayoutOutcome outcome) {
    }

    record OutcomeAccepted(String outcome, @Nullable String eventId) {
    }

    private final SimulatedPayoutProvider simulator;
    private final ProviderInbox inbox;

    SimulatedPayoutController(SimulatedPayoutProvider simulator, ProviderInbox inbox) {
        this.simulator = simulator;
        this.inbox = inbox;
    }

    @PostMapping("/api/dev/payout-account/transfer-outcome")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('HOST')")
    @Operation(summary = "DEVELOPMENT ONLY, simulated provider: from now on, transfers to the caller's payout account succeed, are "
            + "refused (failed) or go unanswered. Absent (404) when the provider is stripe.")
    OutcomeAccepted transfersToMe(@Valid @RequestBody AccountOutcomeRequest request, Actor actor) {
        simulator.behave(actor.userId(), switch (request.outcome()) {
            case succeeded -> SimulatedPayoutProvider.TransferBehaviour.SUCCEED;
            case failed -> SimulatedPayoutProvider.TransferBehaviour.REFUSE;
            case unanswered -> SimulatedPayoutProvider.TransferBehaviour.NO_ANSWER;
        });
        return new OutcomeAccepted(request.outcome().name(), null);
    }

    @PostMapping("/api/dev/payouts/{payoutId}/outcome")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAnyRole('FINANCE', 'SUPPORT', 'ADMIN')")
    @Operation(summary = "DEVELOPMENT ONLY, simulated provider (staff): refuse this payout's transfer when it is sent (failed), or reverse "
            + "its paid transfer in full as if the provider had (reversed). Absent (404) when the provider is stripe.")
    OutcomeAccepted decide(@PathVariable PayoutId payoutId, @Valid @RequestBody PayoutOutcomeRequest request) {
        return switch (request.outcome()) {
            case failed -> {
                if (simulator.find(payoutId).isPresent()) {
                    throw SoireeException.conflict("This payout's transfer was made already");
                }
                simulator.planFailure(payoutId);
                yield new OutcomeAccepted("failed", null);
            }
            case reversed -> {
                SimulatedPayoutProvider.Transfer transfer = simulator.find(payoutId)
                        .orElseThrow(() -> SoireeException.notFound("A simulated transfer of payout " + payoutId));
                String eventId = "sim_evt_" + RandomUuids.next().toString().replace("-", "");
                inbox.receive(eventId, "transfer.reversed", simulator.reverse(transfer));
                yield new OutcomeAccepted("reversed", eventId);
            }
        };
    }
}
