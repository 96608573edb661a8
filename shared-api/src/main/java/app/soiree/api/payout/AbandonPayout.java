package app.soiree.api.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Funds were reserved for this payout, and the request that reserved them has not opened it in time
 * (it stopped in between, and its client did not retry). A payout that was opened meanwhile is left as
 * it is; otherwise it is abandoned for good, and its reserved funds go back to the host.
 */
public record AbandonPayout(@TargetAggregateIdentifier PayoutId payoutId, UserId hostId, Money amount) {
}
