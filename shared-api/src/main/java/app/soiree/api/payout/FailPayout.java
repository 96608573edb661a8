package app.soiree.api.payout;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider refused the transfer; the funds go back to the host's available balance. */
public record FailPayout(@TargetAggregateIdentifier PayoutId payoutId, String reason, String sourceEventId) {
}
