package app.soiree.api.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens the payout whose funds the wallet reserved; the approval policy decides then how many FINANCE
 * approvals it needs (none: approved at once). Answers with its {@link PayoutStatus}; asked again, it
 * changes nothing and answers the same.
 */
public record OpenPayout(@TargetAggregateIdentifier PayoutId payoutId, UserId hostId, Money amount, String destinationAccount) {
}
