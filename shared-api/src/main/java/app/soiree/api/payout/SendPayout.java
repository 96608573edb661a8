package app.soiree.api.payout;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts an approved payout's money in transit, just before the transfer is asked of the provider. */
public record SendPayout(@TargetAggregateIdentifier PayoutId payoutId) {
}
