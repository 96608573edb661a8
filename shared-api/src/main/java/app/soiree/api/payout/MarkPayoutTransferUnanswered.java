package app.soiree.api.payout;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The provider did not answer the transfer ({@code attempt} so far): it is asked again later with the
 * same idempotency key, or, when {@code gaveUp}, left for staff to look at.
 */
public record MarkPayoutTransferUnanswered(@TargetAggregateIdentifier PayoutId payoutId, int attempt, String reason, boolean gaveUp) {
}
