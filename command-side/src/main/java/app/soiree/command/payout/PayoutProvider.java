package app.soiree.command.payout;

import app.soiree.api.identity.UserId;

/**
 * The port to whoever sends payouts: Stripe Connect, or the simulator. Opening an account is idempotent
 * per host and a transfer per payout (the payout id is its idempotency key), so either may be asked again
 * after a call that went unanswered. A transfer answers with an outcome instead of throwing.
 */
public interface PayoutProvider {

    /** {@code simulated} or {@code stripe}: recorded with each account. */
    String name();

    /** Creates the host's connected account, or finds the one created for them before; 503 when the provider cannot be reached. */
    ConnectedAccount openAccount(UserId hostId);

    /** Where the host completes (or updates) their account with the provider; 503 when the provider cannot be reached. */
    String onboardingUrl(String accountId);

    /** Sends a payout to its connected account. */
    TransferAnswer transfer(TransferRequest request);

    record ConnectedAccount(String accountId, boolean transfersEnabled) {
    }
}
