package app.soiree.api.payout;

import app.soiree.api.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The provider reversed (part of) the payout's transfer; {@code totalReversed} is everything reversed so
 * far, as the provider reports it, so copies and reports out of order change nothing twice.
 */
public record ReversePayout(@TargetAggregateIdentifier PayoutId payoutId, String transferReference, Money totalReversed,
                            String sourceEventId) {
}
