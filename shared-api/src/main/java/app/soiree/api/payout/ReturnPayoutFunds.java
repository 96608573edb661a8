package app.soiree.api.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives a payout's money back to the host's available balance from where it is now; counted once per
 * {@code returnId} (a reversal in parts returns each part under its own id).
 */
public record ReturnPayoutFunds(@TargetAggregateIdentifier HostWalletId walletId, UserId hostId, PayoutId payoutId, String returnId,
                                Money amount, PayoutFundsSource from, String reason) {
}
