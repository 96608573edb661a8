package app.soiree.command.payout;

import static app.soiree.api.Idempotency.KEY_HEADER;

import app.soiree.api.Money;
import app.soiree.api.identity.Actor;
import app.soiree.api.payout.ApprovePayout;
import app.soiree.api.payout.HostWalletId;
import app.soiree.api.payout.OpenPayout;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.PayoutStatus;
import app.soiree.api.payout.RejectPayout;
import app.soiree.api.payout.ReservePayoutFunds;
import app.soiree.api.payout.RetryPayoutTransfer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Hosts onboard and request payouts; FINANCE approves, rejects, and restarts transfers that stayed unanswered. */
@RestController
@Tag(name = "Payouts")
class PayoutCommandController {


    private final CommandGateway commands;
    private final PayoutOnboarding onboarding;

    PayoutCommandController(CommandGateway commands, PayoutOnboarding onboarding) {
        this.commands = commands;
        this.onboarding = onboarding;
    }

    @PostMapping("/api/me/payout-account")
    @PreAuthorize("hasRole('HOST')")
    @Operation(summary = "Start or continue onboarding the host's payout account with the provider (Stripe Connect Express): answers "
            + "the link to send the host to. With the simulated provider the account is enabled at once.")
    OnboardingResponse payoutAccount(Actor actor) {
        return new OnboardingResponse(onboarding.start(actor.userId()));
    }

    @PostMapping("/api/payouts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('HOST')")
    @Operation(summary = "Request a payout of available earnings; the amount is reserved at once. 422 INSUFFICIENT_FUNDS beyond what is "
            + "available, 409 PAYOUT_ACCOUNT_NOT_READY without an enabled payout account. Small payouts are approved at once, "
            + "larger ones wait for one or two FINANCE approvals (PENDING_APPROVAL). The Idempotency-Key is required.")
    PayoutResponse request(@Valid @RequestBody PayoutRequest request, @RequestHeader(KEY_HEADER) String idempotencyKey,
                           Actor actor) {
        // This request is the one writer of both steps (PayoutSaga only abandons funds whose payout it never opened).
        PayoutId payoutId = PayoutId.forRequest(actor.userId(), idempotencyKey);
        String destination = commands.sendAndWait(
                new ReservePayoutFunds(HostWalletId.forHost(actor.userId()), actor.userId(), payoutId, request.amount()));
        PayoutStatus status = commands.sendAndWait(new OpenPayout(payoutId, actor.userId(), request.amount(), destination));
        return new PayoutResponse(payoutId, status);
    }

    @PostMapping("/api/staff/payouts/{payoutId}/approve")
    @PreAuthorize("hasRole('FINANCE')")
    @Operation(summary = "Approve a payout waiting for approval (FINANCE). Payouts above the second threshold need two different "
            + "approvers. 403 APPROVAL_NOT_ALLOWED for the payout's own host and for a second approval by the same person; "
            + "409 PAYOUT_NOT_PENDING when it is not waiting for approval.")
    PayoutResponse approve(@PathVariable PayoutId payoutId, Actor actor) {
        PayoutStatus status = commands.sendAndWait(new ApprovePayout(payoutId, actor.userId()));
        return new PayoutResponse(payoutId, status);
    }

    @PostMapping("/api/staff/payouts/{payoutId}/reject")
    @PreAuthorize("hasRole('FINANCE')")
    @Operation(summary = "Reject a payout waiting for approval (FINANCE), with a reason; its funds return to the host's available balance")
    PayoutResponse reject(@PathVariable PayoutId payoutId, @Valid @RequestBody RejectionRequest request, Actor actor) {
        PayoutStatus status = commands.sendAndWait(new RejectPayout(payoutId, actor.userId(), request.reason().strip()));
        return new PayoutResponse(payoutId, status);
    }

    @PostMapping("/api/staff/payouts/{payoutId}/retry-transfer")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('FINANCE')")
    @Operation(summary = "Ask the provider again about a transfer that stayed unanswered after every retry (FINANCE); the same "
            + "idempotency key is used, so a transfer that did happen is not made twice")
    PayoutResponse retryTransfer(@PathVariable PayoutId payoutId, Actor actor) {
        commands.sendAndWait(new RetryPayoutTransfer(payoutId, actor.userId()));
        return new PayoutResponse(payoutId, PayoutStatus.APPROVED);
    }

    /** No payout id from the client: the server derives it from the caller and the Idempotency-Key, so it is theirs alone. */
    record PayoutRequest(@NotNull Money amount) {
    }

    record PayoutResponse(PayoutId payoutId, PayoutStatus status) {
    }

    record RejectionRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    record OnboardingResponse(String onboardingUrl) {
    }
}
