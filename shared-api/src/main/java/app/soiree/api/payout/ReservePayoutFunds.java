package app.soiree.api.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets a payout's amount aside from what is available, or refuses: 400 for an amount that is not
 * positive, 409 {@code PAYOUT_ACCOUNT_NOT_READY} without an enabled account, 422
 * {@code INSUFFICIENT_FUNDS} beyond what is available. The same payout asked again changes nothing.
 */
public record ReservePayoutFunds(@TargetAggregateIdentifier HostWalletId walletId, UserId hostId, PayoutId payoutId, Money amount) {
}
