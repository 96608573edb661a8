package app.soiree.api.payout;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider made the transfer ({@code transferReference}); reported by the transfer's answer or its webhook, any number of times. */
public record MarkPayoutPaid(@TargetAggregateIdentifier PayoutId payoutId, String transferReference, String sourceEventId) {
}
